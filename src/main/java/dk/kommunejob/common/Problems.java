package dk.kommunejob.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;

/** The problems (RFC 9457) this service raises itself; the problem extension renders them. */
public final class Problems {

    private Problems() {}

    /** 400 naming the query or path parameter that is wrong, in `detail` and in `parameter`. */
    public static HttpProblem badParameter(String parameter, String detail) {
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle("Invalid parameter")
                .withDetail(detail)
                .with("parameter", parameter)
                .build();
    }

    /** 400 naming the request body's field that is wrong, as the validation problems do. */
    public static HttpProblem badField(String field, String message) {
        return badFields(message, Map.of(field, message));
    }

    /** 400 naming each wrong field of the request body with what is wrong with it. */
    public static HttpProblem badFields(String detail, Map<String, String> messageByField) {
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle("Constraint Violation")
                .withDetail(detail)
                .with(
                        "violations",
                        messageByField.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> Map.of("field", e.getKey(), "in", "body", "message", e.getValue()))
                                .toList())
                .build();
    }

    /** 400 for a body that is not what the operation reads at all (not JSON, say). */
    public static HttpProblem badBody(String detail) {
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail)
                .build();
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder()
                .withStatus(Status.FORBIDDEN)
                .withTitle("Forbidden")
                .withDetail(detail)
                .build();
    }

    /** 409: the request does not fit the resource's current state (an illegal transition). */
    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder()
                .withStatus(Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail(detail)
                .build();
    }

    /** 422: the resource is not complete enough for what was asked; `violations` lists what is missing. */
    public static HttpProblem incomplete(String detail, List<String> missingFields) {
        return HttpProblem.builder()
                .withStatus(422)
                .withTitle("Unprocessable Content")
                .withDetail(detail)
                .with(
                        "violations",
                        missingFields.stream()
                                .map(f -> Map.of("field", f, "in", "body", "message", "is required to publish"))
                                .toList())
                .build();
    }

    public static HttpProblem preconditionRequired() {
        return HttpProblem.builder()
                .withStatus(428)
                .withTitle("Precondition Required")
                .withDetail("Send If-Match with the position's current ETag, so no one else's change is overwritten.")
                .build();
    }

    public static HttpProblem preconditionFailed(String currentEtag) {
        return HttpProblem.builder()
                .withStatus(Status.PRECONDITION_FAILED)
                .withTitle("Precondition Failed")
                .withDetail("The position has changed since that ETag; fetch it again (current ETag %s)."
                        .formatted(currentEtag))
                .build();
    }

    public static HttpProblem notFound(String detail) {
        return HttpProblem.builder()
                .withStatus(Status.NOT_FOUND)
                .withTitle("Not Found")
                .withDetail(detail)
                .build();
    }
}
