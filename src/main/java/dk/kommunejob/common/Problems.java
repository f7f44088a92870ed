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
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle("Constraint Violation")
                .withDetail(message)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
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
