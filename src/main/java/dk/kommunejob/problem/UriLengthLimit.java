package dk.kommunejob.problem;

import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A URI over the API's length is answered as a problem here, before routing: the REST layer would
 * see it only as a path that matches nothing.
 */
@ApplicationScoped
public class UriLengthLimit {

    @Inject
    RouteProblems problems;

    @Inject
    JobsConfig config;

    void install(@Observes Router router) {
        // After the request id and the language are known (RequestIds, Languages), before any other route.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::uriLength);
    }

    private void uriLength(RoutingContext context) {
        int length = context.request().uri().length();
        if (length > config.maxUriLength()) {
            problems.send(
                    context,
                    ProblemType.URI_TOO_LONG,
                    Messages.text("problem.uri-too-long.detail", length, config.maxUriLength()),
                    Map.of());
            return;
        }
        context.next();
    }
}
