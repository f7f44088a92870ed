package dk.kommunejob.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.common.JobsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits the HTTP layer enforces before a request reaches the API: a URI over the API's length,
 * and an undeclared (chunked) body over the server's size limit. Both are answered as problems
 * here, because the REST layer never sees these requests.
 */
@ApplicationScoped
public class HttpLimits {

    @Inject
    ObjectMapper json;

    @Inject
    JobsConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::uriLength).failureHandler(this::bodySize);
    }

    private void uriLength(RoutingContext context) {
        int length = context.request().uri().length();
        if (length > config.maxUriLength()) {
            send(
                    context,
                    ProblemType.URI_TOO_LONG,
                    "The request URI is %d characters; this API takes at most %d."
                            .formatted(length, config.maxUriLength()));
            return;
        }
        context.next();
    }

    private void bodySize(RoutingContext context) {
        if (context.statusCode() == ProblemType.BODY_TOO_LARGE.status
                && !context.response().headWritten()) {
            send(
                    context,
                    ProblemType.BODY_TOO_LARGE,
                    "The request body is larger than this API takes (%d bytes).".formatted(config.maxBodySize()));
            return;
        }
        context.next();
    }

    private void send(RoutingContext context, ProblemType type, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri.toString());
        problem.put("title", type.title);
        problem.put("status", type.status);
        problem.put("detail", detail);
        problem.put("instance", context.request().path());
        try {
            context.response()
                    .setStatusCode(type.status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    // The rest of an oversized request is not read: the connection cannot be reused.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
