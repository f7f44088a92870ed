package dk.kommunejob.cache;

import dk.kommunejob.cache.ResponseCache.Answer;
import dk.kommunejob.cache.VersionedCache.Kept;
import dk.kommunejob.common.Vary;
import dk.kommunejob.language.Language;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
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
 */
@ApplicationScoped
public class CachedAnswers {

    static final String KEY = CachedAnswers.class.getName() + ".key";
    static final String READING = CachedAnswers.class.getName() + ".reading";
    /** Where the REST layer leaves a request's route template, and Quarkus' HTTP metrics read it. */
    static final String ROUTE = "UrlPathTemplate";

    static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");

    @Inject
    ResponseCache cache;

    @Inject
    Expiry expiry;

    private Counter hits;
    private Counter misses;

    void register(@Observes Filters filters, MeterRegistry metrics) {
        if (cache.enabled()) {
            hits = metrics.counter("jobs.response.cache", "result", "hit");
            misses = metrics.counter("jobs.response.cache", "result", "miss");
            filters.register(this::answer, 100);
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
        Kept<Answer> kept = cache.find(key, now);
        if (kept == null) {
            misses.increment();
            context.put(KEY, key);
            context.put(READING, expiry.reading());
            context.next();
            return;
        }
        hits.increment();
        Answer answer = kept.value();
        context.put(ROUTE, answer.route());
        HttpServerResponse response = context.response();
        response.putHeader(ETAG, answer.etag())
                .putHeader(
                        HttpHeaders.CACHE_CONTROL,
                        answer.cacheControl(kept.validity().until() - now));
        Vary.add(response.headers(), "Accept");
        if (ETags.matches(headers.get(HttpHeaders.IF_NONE_MATCH), answer.etag())) {
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
