package dk.kommunejob.cors;

import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.common.Vary;
import dk.kommunejob.organisation.EmployerSettings;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for the website origins listed in JOBS_CORS_ORIGINS or by any employer in its settings
 * (an origin listed by one employer may read every employer's public answers, which are public anyway): their
 * browsers may read the API's answers and send its requests; a preflight is answered here. Any other origin gets
 * no CORS headers and its browser keeps the answer from the page; the request itself is served as if it had no
 * Origin, since CORS protects browsers, not the API.
 *
 * <p>Quarkus' own CORS filter answers an unlisted origin with an empty 403 (not a problem, and
 * refusing clients outside browsers that send Origin), sends no `Vary: Origin`, which a shared
 * cache needs to keep one origin's allowance from another, and knows no origins from the database: hence these
 * few lines.
 */
@ApplicationScoped
public class Cors {

    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String REQUEST_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, If-Match, "
            + "If-None-Match, Idempotency-Key, X-Request-Id";
    static final String EXPOSED_HEADERS = "Content-Language, ETag, Location, Retry-After, X-Request-Id, "
            + "Idempotent-Replayed, RateLimit, RateLimit-Policy, Age, Cache-Status";
    /** How long a browser may reuse a preflight's answer (a day; browsers cap it lower). */
    static final String MAX_AGE = "86400";

    private final Set<String> origins;
    private final EmployerSettings employers;

    Cors(JobsConfig config, EmployerSettings employers) {
        this.employers = employers;
        this.origins = config.corsOrigins().orElse(List.of()).stream()
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .map(Cors::origin)
                .collect(Collectors.toUnmodifiableSet());
    }

    void install(@Observes Router router) {
        // Before the response cache (a kept answer gets the same headers) and before authentication
        // (a preflight carries no key). Always: an employer may list an origin at any time.
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        MultiMap headers = context.response().headers();
        Vary.add(headers, "Origin");
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        boolean allowed = origin != null && (origins.contains(origin) || employers.originListed(origin));
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight) {
            if (allowed) {
                headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
                        .set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, REQUEST_HEADERS)
                        .set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
            }
            Vary.add(headers, "Access-Control-Request-Method");
            Vary.add(headers, "Access-Control-Request-Headers");
            context.response().setStatusCode(204).end();
            return;
        }
        if (allowed) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        context.next();
    }

    /** `https://albertslund.dk`, exactly as a browser sends it: scheme, host and any port, no path. */
    public static String origin(String configured) {
        return parse(configured)
                .orElseThrow(() -> new ConfigurationException(
                        "JOBS_CORS_ORIGINS: '%s' is not an origin such as https://albertslund.dk"
                                .formatted(configured)));
    }

    /** The origin a browser sends for this http(s) address without a path; empty when it is not one. */
    public static Optional<String> parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null
                || !(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
