package dk.kommunejob.problem;

import dk.kommunejob.language.Messages;
import dk.kommunejob.requestid.RequestIds;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.InstanceUtils;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The problems (RFC 9457) this service raises itself; the problem extension renders them. */
public final class Problems {

    private Problems() {}

    /**
     * A problem of this kind: its type URI, its title, its status and the request's id. (Problems the
     * extension renders get the id from the MDC anyway; those a mapper answers directly need it here.)
     */
    public static HttpProblem.Builder of(ProblemType type) {
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(type.uri)
                .withTitle(type.localTitle())
                .withStatus(type.status);
        String requestId = RequestIds.current();
        return requestId == null ? problem : problem.with(RequestIds.MDC_KEY, requestId);
    }

    /**
     * A problem's `instance` for this (decoded) request path, as the extension makes its own: encoded
     * whole, so that no path a client can send (a NUL, a space, `;`) makes it throw, and written back
     * as the path when the problem is serialised.
     */
    public static URI instance(String path) {
        return InstanceUtils.pathToInstance(path);
    }

    /** 400 naming the query, path or header parameter that is wrong, in `detail` and in `parameter`. */
    public static HttpProblem badParameter(String parameter, String detail) {
        return of(ProblemType.INVALID_PARAMETER)
                .withDetail(detail)
                .with("parameter", parameter)
                .build();
    }

    /** 400 naming the request body's field that is wrong. */
    public static HttpProblem badField(String field, String message) {
        return badFields(message, Map.of(field, message));
    }

    /** 400 naming each wrong field of the request body with what is wrong with it. */
    public static HttpProblem badFields(String detail, Map<String, String> messageByField) {
        return of(ProblemType.INVALID_BODY)
                .withDetail(detail)
                .with(
                        "violations",
                        messageByField.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> violation(e.getKey(), e.getValue()))
                                .toList())
                .build();
    }

    /** 400 for a body that is not what the operation reads at all (not JSON, say). */
    public static HttpProblem badBody(String detail) {
        return of(ProblemType.MALFORMED_BODY).withDetail(detail).build();
    }

    public static HttpProblem forbidden(String detail) {
        return of(ProblemType.FORBIDDEN).withDetail(detail).build();
    }

    /** 409: the request does not fit the resource's current state (an illegal transition). */
    public static HttpProblem conflict(String detail) {
        return of(ProblemType.STATE_CONFLICT).withDetail(detail).build();
    }

    /** 422: the resource is not complete enough for what was asked; `violations` lists what is missing. */
    public static HttpProblem incomplete(String detail, List<String> missingFields) {
        return incomplete(detail, missingFields, Map.of(), List.of());
    }

    /**
     * 422 for a publish refused: the missing fields, the fields a rule refuses (with why), and every
     * finding of the posting's checks in `findings`, so the editor sees all of it at once.
     */
    public static HttpProblem incomplete(
            String detail, List<String> missingFields, Map<String, String> refusedFields, List<?> findings) {
        List<Map<String, String>> violations = new java.util.ArrayList<>();
        missingFields.forEach(f -> violations.add(violation(f, Messages.text("problem.field.required-to-publish"))));
        refusedFields.forEach((f, why) -> violations.add(violation(f, why)));
        HttpProblem.Builder problem =
                of(ProblemType.INCOMPLETE_POSITION).withDetail(detail).with("violations", violations);
        return findings.isEmpty()
                ? problem.build()
                : problem.with("findings", findings).build();
    }

    public static HttpProblem preconditionRequired() {
        return of(ProblemType.PRECONDITION_REQUIRED)
                .withDetail(Messages.text("problem.precondition-required.detail"))
                .build();
    }

    public static HttpProblem preconditionFailed(String currentEtag) {
        return of(ProblemType.PRECONDITION_FAILED)
                .withDetail(Messages.text("problem.precondition-failed.detail", currentEtag))
                .build();
    }

    public static HttpProblem notFound(String detail) {
        return of(ProblemType.NOT_FOUND).withDetail(detail).build();
    }

    static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "in", "body", "message", message);
    }
}
