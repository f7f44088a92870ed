package dk.kommunejob.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.requestid.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problems answered by a Vert.x route, before the REST layer sees the request (URI length, `lang`). */
@ApplicationScoped
public class RouteProblems {

    @Inject
    ObjectMapper json;

    public void send(RoutingContext context, ProblemType type, String detail, Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri.toString());
        problem.put("title", type.localTitle());
        problem.put("status", type.status);
        problem.put("detail", detail);
        problem.put("instance", context.request().path());
        problem.putAll(extra);
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
