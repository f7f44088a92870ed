package dk.kommunejob.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of the public data this instance answers from. It moves on every committed change:
 * at once for a transaction of this instance ({@link LocalWrites}), and within moments for any
 * other writer, whose commit PostgreSQL announces ({@link DataChangeListener}). A cached answer
 * belongs to the generation it was read under and is never served in another, except marked stale
 * while the database cannot be reached ({@link ResponseCache#stale}).
 *
 * <p>While the listener is not connected, a change by someone else could go unseen, so nothing is
 * cached: {@link #watched()} is false.
 */
@ApplicationScoped
public class DataVersion {

    /** Generations whose end is remembered: beyond them, an answer is too old to say how stale it is. */
    private static final int ENDINGS_KEPT = 100_000;

    @Inject
    Clock clock;

    private final AtomicLong generation = new AtomicLong();
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
    private final ConcurrentSkipListMap<Long, Long> endedAt = new ConcurrentSkipListMap<>();
    private volatile boolean watched;

    public long generation() {
        return generation.get();
    }

    /** Whether every change is seen, so answers may be kept. */
    public boolean watched() {
        return watched;
    }

    /** The data has changed: whatever was read before is out of date. */
    public void changed() {
        long ended = generation.getAndIncrement();
        endedAt.put(ended, clock.instant().getEpochSecond());
        if (ended % 1024 == 0) {
            endedAt.headMap(ended - ENDINGS_KEPT).clear();
        }
        onChange.forEach(Runnable::run);
    }

    /**
     * Since when (epoch seconds) what was read in this generation has been out of date; empty for the current
     * generation, and for one too long gone to remember.
     */
    public OptionalLong endedAt(long generation) {
        Long at = endedAt.get(generation);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** Runs after each change, to free what the old generation held. */
    public void onChange(Runnable action) {
        onChange.add(action);
    }

    void watching(boolean watching) {
        // Changes may have gone unseen in the gap either way; nothing read before this counts.
        changed();
        watched = watching;
    }
}
