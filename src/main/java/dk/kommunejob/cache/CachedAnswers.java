package dk.kommunejob.cache;

import dk.kommunejob.cache.ResponseCache.Answer;
import dk.kommunejob.cache.VersionedCache.Kept;
import dk.kommunejob.common.Vary;
import dk.kommunejob.language.Language;
import dk.kommunejob.outage.DatabaseOutage;
import dk.kommunejob.warmup.WarmUp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers a GET or HEAD from the response cache on the event loop, before a worker thread or the
 * database is involved: 200 with the kept bytes, or 304 when If-None-Match names them. Anything
 * else passes on, carrying the request's cache key and the moment its reading began.
 *
 * <p>While the database cannot be reached, a request the cache holds an outdated answer for is answered
 * that answer, marked stale ({@link ResponseCache#stale}), rather than the 503 a read from the database
 * would get. A read that finds it gone before the service knew is answered the same way by {@link HttpCaching}.
 */
@ApplicationScoped
public class CachedAnswers {

    /**
     * Before authentication and authorization: a request without a key needs neither to be answered what the cache
     * holds, and they cost more than the answer (bench/README.md, "The 304").
     */
    public static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 2;

    static final String KEY = CachedAnswers.class.getName() + ".key";
    static final String READING = CachedAnswers.class.getName() + ".reading";
    /**
     * Where, among the request's Vert.x context locals, the REST layer leaves its route template, and Quarkus' HTTP
     * metrics read it: a hit is counted under the route that made its answer.
     */
    static final String ROUTE = "UrlPathTemplate";

    static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    static final CharSequence CACHE_STATUS = HttpHeaders.createOptimized("Cache-Status");
    /** This cache's name in Cache-Status (RFC 9211). */
    static final String CACHE_NAME = "job-postings";

    @Inject
    ResponseCache cache;

    @Inject
    Expiry expiry;

    @Inject
    DatabaseOutage outage;

    @Inject
    WarmUp warmUp;

    private Counter hits;
    private Counter misses;
    private Counter stale;

    void register(@Observes Filters filters, MeterRegistry metrics) {
        if (cache.enabled()) {
            hits = metrics.counter("jobs.response.cache", "result", "hit");
            misses = metrics.counter("jobs.response.cache", "result", "miss");
            stale = metrics.counter("jobs.response.cache", "result", "stale");
            filters.register(this::answer, PRIORITY);
        }
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        MultiMap headers = request.headers();
        if ((request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD)
                || !request.path().startsWith("/api/")
                // A key is checked on every request: an unknown one is a 401, never a kept answer.
                || headers.contains(HttpHeaders.AUTHORIZATION)) {
            context.next();
            return;
        }
        String representation = representation(headers.get(HttpHeaders.ACCEPT));
        if (representation == null) {
            context.next();
            return;
        }
        String key = ResponseCache.key(Language.current(), representation, request.path(), request.query());
        long now = expiry.now();
        // A new replica's warm-up reads from the database too, so that the JIT compiles that path before readiness.
        boolean past = warmUp.exempts(request) && "no-cache".equals(headers.get(HttpHeaders.CACHE_CONTROL));
        Kept<Answer> kept = past ? null : cache.find(key, now);
        if (kept != null) {
            hits.increment();
            serve(
                    context,
                    kept.value(),
                    kept.value().cacheControl(kept.validity().until() - now));
            return;
        }
        ResponseCache.Stale outdated = outage.ongoing() ? cache.stale(key, now) : null;
        if (outdated != null) {
            servedStale();
            context.response()
                    .putHeader(HttpHeaders.AGE, Long.toString(outdated.age()))
                    .putHeader(CACHE_STATUS, outdated.cacheStatus());
            serve(context, outdated.answer(), outdated.cacheControl());
            return;
        }
        misses.increment();
        context.put(KEY, key);
        context.put(READING, expiry.reading());
        context.next();
    }

    /** Counts an answer served stale, here or by {@link HttpCaching} for a read that found the database gone. */
    void servedStale() {
        stale.increment();
    }

    private static void serve(RoutingContext context, Answer answer, String cacheControl) {
        HttpServerRequest request = context.request();
        if (answer.route() != null) { // none when Quarkus' HTTP metrics are turned off
            ContextLocals.put(ROUTE, answer.route());
        }
        HttpServerResponse response = context.response();
        response.putHeader(ETAG, answer.etag()).putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        Vary.add(response.headers(), "Accept");
        if (ETags.matches(request.headers().get(HttpHeaders.IF_NONE_MATCH), answer.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(
                            HttpHeaders.CONTENT_LENGTH,
                            String.valueOf(answer.body().length()))
                    .end();
        } else {
            response.end(answer.body());
        }
    }

    /**
     * What part of the key the Accept header makes: the header itself, so a wish finds only the answer
     * content negotiation gave that very wish (JSON or JSON-LD for a posting; a feed reader's wish; a
     * refusal of JSON is a 406 that is never kept). Clients send few distinct headers. Null for one too
     * long to keep answers by.
     */
    static String representation(String accept) {
        if (accept == null) {
            return " ";
        }
        return accept.length() <= 200 ? " " + accept.strip() + " " : null;
    }
}
