package dk.kommunejob.cache;

import dk.kommunejob.cache.VersionedCache.Kept;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Language;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The serialised public answers of this instance, by request. {@link CachedAnswers} serves them;
 * {@link HttpCaching} keeps them on a miss.
 */
@ApplicationScoped
public class ResponseCache {

    /**
     * A kept 200: its very bytes, the headers that describe them, and the route template it was read by
     * (the label of its HTTP metrics when it is served again).
     */
    public record Answer(
            Buffer body, String contentType, String etag, Freshness freshness, String ownCacheControl, String route) {

        /** A resource's own Cache-Control stands; otherwise max-age never outlasts the answer's truth. */
        public String cacheControl(long secondsLeft) {
            return ownCacheControl != null ? ownCacheControl : freshness.header(secondsLeft);
        }
    }

    /**
     * A kept answer served while the database cannot be reached: how long it has been out of date ({@code Age}),
     * and how much longer it may be shown (the bound on staleness, or its own expiry by the clock, if sooner).
     */
    public record Stale(Answer answer, long age, long secondsLeft) {

        /** RFC 9211: a hit, out of date by its age, given because of an error. */
        public String cacheStatus() {
            return CachedAnswers.CACHE_NAME + "; hit; ttl=-" + age + "; detail=stale-if-error";
        }

        public String cacheControl() {
            return "public, max-age=0, stale-if-error=" + secondsLeft;
        }
    }

    private final boolean enabled;
    private final long staleIfError;
    private final DataVersion version;
    private final VersionedCache<String, Answer> answers;

    ResponseCache(JobsConfig config, DataVersion version) {
        this.enabled = config.responseCache().enabled();
        this.staleIfError = config.responseCache().staleIfError().toSeconds();
        this.version = version;
        // Outdated answers stay (until replaced or evicted): they are what an outage is answered from.
        this.answers = new VersionedCache<>(
                version, config.responseCache().maxSize().asLongValue(), ResponseCache::weight, true);
    }

    /**
     * An answer's weight: its body, its headers' few hundred bytes, and its key, which holds the request's query
     * (up to {@code jobs.max-uri-length}, 4 096 characters, of parameters the service may ignore, each its own key).
     */
    static int weight(String key, Answer answer) {
        return key.length() + answer.body().length() + 512;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The answer kept for this request, if it still holds now. */
    public Kept<Answer> find(String key, long now) {
        return enabled ? answers.find(key, now) : null;
    }

    /**
     * The answer last kept for this request, for when the database cannot be reached (RFC 5861's stale-if-error):
     * never one the clock has ended (a deadline passed, or midnight), nor one out of date for longer than the
     * bound ({@code jobs.response-cache.stale-if-error}). Null when there is none such.
     */
    public Stale stale(String key, long now) {
        if (!enabled || staleIfError <= 0) {
            return null;
        }
        Kept<Answer> kept = answers.last(key);
        if (kept == null || !kept.validity().holdsAt(now)) {
            return null;
        }
        long generation = kept.validity().generation();
        OptionalLong ended = version.endedAt(generation);
        if (ended.isEmpty() && generation != version.generation()) {
            return null; // out of date for longer than the service remembers
        }
        long age = ended.isPresent() ? Math.max(0, now - ended.getAsLong()) : 0;
        if (age >= staleIfError) {
            return null;
        }
        return new Stale(
                kept.value(), age, Math.min(staleIfError - age, kept.validity().until() - now));
    }

    public void keep(String key, Validity validity, Answer answer) {
        if (enabled) {
            answers.keep(key, validity, answer);
        }
    }

    /**
     * A request's answer is told by its language, the representation its Accept header asks for
     * ({@link CachedAnswers#representation}), its path and its query parameters in a fixed order:
     * `?a=1&b=2` and `?b=2&a=1` are one answer.
     */
    public static String key(Language language, String representation, String path, String query) {
        String prefix = language.name() + representation + path;
        if (query == null || query.isEmpty()) {
            return prefix;
        }
        return prefix + "?"
                + Arrays.stream(query.split("&"))
                        .filter(p -> !p.isEmpty())
                        .sorted()
                        .collect(Collectors.joining("&"));
    }
}
