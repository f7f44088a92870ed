package dk.kommunejob.problem;

import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A URI over the API's length, or a body declared (Content-Length) over its size, is answered as a
 * problem here, before routing and before the HTTP server's own upload limit, whose 413 has no body.
 * The REST layer would see a long URI only as a path that matches nothing. An undeclared (chunked)
 * body is stopped as it is read, by {@link StreamedBodyLimit}.
 */
@ApplicationScoped
public class RequestLimits {

    /** How long the rest of a refused body is read and dropped, so the client can read the 413 before the close. */
    static final long LINGER_MILLIS = 5_000;

    @Inject
    RouteProblems problems;

    @Inject
    JobsConfig config;

    void install(@Observes Router router) {
        // After the request id and the language are known (RequestIds, Languages), before any other route.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        int length = request.uri().length();
        if (length > config.maxUriLength()) {
            problems.send(
                    context,
                    ProblemType.URI_TOO_LONG,
                    Messages.text("problem.uri-too-long.detail", length, config.maxUriLength()),
                    Map.of());
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBytes = config.maxBodySize();
        // The HTTP codec has checked that a Content-Length is a number; past 18 digits it is over any limit.
        if (declared != null && (declared.length() > 18 || Long.parseLong(declared) > maxBytes)) {
            tooLarge(context, declared, maxBytes);
            return;
        }
        context.next();
    }

    /**
     * Answers before the body is read. Closing the connection at once, as the HTTP server's own limit
     * does, would reset it under a client still sending, which then may never see the answer: the
     * rest is read and dropped instead, and the connection closed only if it has not ended within
     * {@link #LINGER_MILLIS}.
     */
    private void tooLarge(RoutingContext context, String declared, long maxBytes) {
        HttpServerRequest request = context.request();
        long linger = context.vertx()
                .setTimer(LINGER_MILLIS, t -> request.connection().close());
        request.handler(dropped -> {});
        request.endHandler(end -> context.vertx().cancelTimer(linger));
        request.resume();
        problems.send(
                context,
                ProblemType.BODY_TOO_LARGE,
                Messages.text("problem.body-too-large.detail", declared, maxBytes),
                Map.of());
    }
}
