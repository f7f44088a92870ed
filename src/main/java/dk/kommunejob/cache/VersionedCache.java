package dk.kommunejob.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;

/**
 * Values read from the database, each kept for the {@link Validity} it was read under and never
 * given out in another data generation or outside its span of time; bounded by weight, least used
 * first out. Nothing is kept or given out while changes could go unseen ({@link DataVersion#watched()}).
 */
public final class VersionedCache<K, V> {

    /** A value with what it holds for. */
    public record Kept<V>(Validity validity, V value) {}

    private final DataVersion version;
    private final Cache<K, Kept<V>> kept;

    public VersionedCache(DataVersion version, long maximumWeight, ToIntFunction<V> weight) {
        this(version, maximumWeight, (key, value) -> weight.applyAsInt(value), false);
    }

    /**
     * With {@code keepOutdated}, what an older generation held stays until a newer value of its key replaces it or
     * the weight bound evicts it, for {@link #last}; otherwise it is freed at each change. The weight is of the key
     * and its value: where the key is what a caller sent, it may be the larger.
     */
    public VersionedCache(DataVersion version, long maximumWeight, ToIntBiFunction<K, V> weight, boolean keepOutdated) {
        this.version = version;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maximumWeight)
                .weigher((K key, Kept<V> k) -> weight.applyAsInt(key, k.value()))
                .build();
        if (!keepOutdated) {
            version.onChange(kept::invalidateAll);
        }
    }

    /** The value kept for this key, if it still holds at this second. */
    public Kept<V> find(K key, long now) {
        Kept<V> k = kept.getIfPresent(key);
        return k != null && version.watched() && k.validity().holds(version.generation(), now) ? k : null;
    }

    /** The value last kept for this key, of whatever generation: for when nothing current can be read. */
    public Kept<V> last(K key) {
        return kept.getIfPresent(key);
    }

    /** What the kept values weigh together, by the weight they were kept under. */
    long weight() {
        kept.cleanUp();
        return kept.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public void keep(K key, Validity validity, V value) {
        if (version.watched() && validity.generation() == version.generation()) {
            kept.put(key, new Kept<>(validity, value));
        }
    }
}
