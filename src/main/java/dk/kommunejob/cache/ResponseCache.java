package dk.kommunejob.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.kommunejob.common.JobsConfig;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The serialised public answers of this instance, each kept for the data generation and the span
 * of time it was read for ({@link Validity}), bounded by memory. {@link CachedAnswers} serves
 * them; {@link HttpCaching} fills it on a miss.
 */
@ApplicationScoped
public class ResponseCache {

    /** A kept 200: its very bytes and the headers that describe them. */
    public record Answer(
            Validity validity,
            Buffer body,
            String contentType,
            String etag,
            Freshness freshness,
            String ownCacheControl) {

        /** A resource's own Cache-Control stands; otherwise max-age never outlasts the answer's truth. */
        public String cacheControl(long now) {
            return ownCacheControl != null ? ownCacheControl : freshness.header(validity.until() - now);
        }
    }

    private final boolean enabled;
    private final DataVersion version;
    private final Cache<String, Answer> answers;

    ResponseCache(JobsConfig config, DataVersion version) {
        this.enabled = config.responseCache().enabled();
        this.version = version;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.responseCache().maxSize().asLongValue())
                .weigher((String key, Answer answer) ->
                        2 * key.length() + answer.body().length() + 256)
                .build();
        version.onChange(answers::invalidateAll);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The answer kept for this request, if it still holds now. */
    public Answer find(String key, long now) {
        Answer answer = answers.getIfPresent(key);
        return answer != null && version.watched() && answer.validity().holds(version.generation(), now)
                ? answer
                : null;
    }

    public void keep(String key, Answer answer) {
        if (enabled && version.watched() && answer.validity().generation() == version.generation()) {
            answers.put(key, answer);
        }
    }

    /** The request's path and its query parameters in a fixed order: `?a=1&b=2` and `?b=2&a=1` are one answer. */
    public static String key(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        return path + "?"
                + Arrays.stream(query.split("&"))
                        .filter(p -> !p.isEmpty())
                        .sorted()
                        .collect(Collectors.joining("&"));
    }
}
