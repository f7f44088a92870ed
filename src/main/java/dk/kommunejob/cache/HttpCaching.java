package dk.kommunejob.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.cache.ResponseCache.Answer;
import dk.kommunejob.common.Vary;
import dk.kommunejob.problem.ProblemType;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Completes a public answer read from the database: serialises it once, tags it with a strong
 * ETag, says how long it may be reused, answers 304 when the client holds it already, and keeps it
 * for the next request (when {@link CachedAnswers} marked the request as one to keep). A read that found the
 * database gone is answered what was kept for it, stale, when there is such.
 */
public class HttpCaching {

    @Inject
    ObjectMapper json;

    @Inject
    ResponseCache cache;

    @Inject
    Expiry expiry;

    @Inject
    CachedAnswers answers;

    @HttpCached
    @ServerResponseFilter
    public void complete(
            ContainerRequestContext request,
            ContainerResponseContext response,
            ResourceInfo resource,
            RoutingContext context)
            throws JsonProcessingException {
        if (response.getStatus() == 503) {
            serveStaleInstead(request, response, context);
            return;
        }
        if (response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        byte[] body = bytes(response.getEntity());
        Validity.Reading reading = context.get(CachedAnswers.READING);
        Validity validity = expiry.of(reading != null ? reading : expiry.reading());
        MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
        Answer answer = new Answer(
                Buffer.buffer(body),
                type.toString(),
                ETags.of(body),
                freshness(resource),
                response.getHeaderString(HttpHeaders.CACHE_CONTROL),
                ContextLocals.<String>get(CachedAnswers.ROUTE).orElse(null));
        String key = context.get(CachedAnswers.KEY);
        if (key != null) {
            cache.keep(key, validity, answer);
        }

        answer(
                request,
                response,
                context,
                answer.etag(),
                answer.cacheControl(validity.until() - expiry.now()),
                body,
                type);
    }

    /**
     * A read that went to the database and found it gone before the service knew (the first requests of an outage,
     * while the change listener has yet to notice): the answer kept for it is served stale instead of the 503, as
     * {@link CachedAnswers} serves it once the outage is known. In the fault test these were 1-2 of the website's
     * ~1 000 reads in each outage (deploy/README.md, "Fault test").
     */
    private void serveStaleInstead(
            ContainerRequestContext request, ContainerResponseContext response, RoutingContext context) {
        String key = context.get(CachedAnswers.KEY);
        if (key == null
                || !(response.getEntity() instanceof HttpProblem problem)
                || !ProblemType.DATABASE_UNAVAILABLE.uri.equals(problem.getType())) {
            return;
        }
        ResponseCache.Stale outdated = cache.stale(key, expiry.now());
        if (outdated == null) {
            return;
        }
        answers.servedStale();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.remove(HttpHeaders.RETRY_AFTER);
        headers.putSingle("Age", Long.toString(outdated.age()));
        headers.putSingle(CachedAnswers.CACHE_STATUS.toString(), outdated.cacheStatus());
        Answer kept = outdated.answer();
        answer(
                request,
                response,
                context,
                kept.etag(),
                outdated.cacheControl(),
                kept.body().getBytes(),
                MediaType.valueOf(kept.contentType()));
    }

    /** An answer's bytes with its ETag, Cache-Control and Vary, or a 304 when the client holds them already. */
    private static void answer(
            ContainerRequestContext request,
            ContainerResponseContext response,
            RoutingContext context,
            String etag,
            String cacheControl,
            byte[] body,
            MediaType type) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        // On the Vert.x answer, beside what the language and CORS routes added (the REST layer would replace them).
        Vary.add(context.response().headers(), HttpHeaders.ACCEPT);
        if (ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null, null, null); // no body, nor a media type (a problem's, when served stale)
        } else {
            response.setStatus(200);
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
    }

    /** Feeds and calendars are text already; everything else is a record for JSON. */
    private byte[] bytes(Object entity) throws JsonProcessingException {
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return entity instanceof byte[] raw ? raw : json.writeValueAsBytes(entity);
    }

    private static Freshness freshness(ResourceInfo resource) {
        HttpCached cached = resource.getResourceMethod().getAnnotation(HttpCached.class);
        return (cached != null ? cached : resource.getResourceClass().getAnnotation(HttpCached.class)).value();
    }
}
