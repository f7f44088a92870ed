package dk.kommunejob.cache;

import dk.kommunejob.cache.VersionedCache.Kept;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Language;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
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

    private final boolean enabled;
    private final VersionedCache<String, Answer> answers;

    ResponseCache(JobsConfig config, DataVersion version) {
        this.enabled = config.responseCache().enabled();
        this.answers = new VersionedCache<>(
                version,
                config.responseCache().maxSize().asLongValue(),
                answer -> answer.body().length() + 512);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The answer kept for this request, if it still holds now. */
    public Kept<Answer> find(String key, long now) {
        return enabled ? answers.find(key, now) : null;
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
