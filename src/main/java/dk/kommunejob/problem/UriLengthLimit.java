package dk.kommunejob.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.requestid.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A URI over the API's length is answered as a problem here, before routing: the REST layer would
 * see it only as a path that matches nothing.
 */
@ApplicationScoped
public class UriLengthLimit {

    @Inject
    ObjectMapper json;

    @Inject
    JobsConfig config;

    void install(@Observes Router router) {
        // Right after the request id is set (RequestIds), before any other route.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::uriLength);
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

    private void send(RoutingContext context, ProblemType type, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri.toString());
        problem.put("title", type.title);
        problem.put("status", type.status);
        problem.put("detail", detail);
        problem.put("instance", context.request().path());
        problem.put(RequestIds.MDC_KEY, RequestIds.current());
        try {
            context.response()
                    .setStatusCode(type.status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
