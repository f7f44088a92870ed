package dk.kommunejob.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of the public data this instance answers from. It moves on every committed change:
 * at once for a transaction of this instance ({@link LocalWrites}), and within moments for any
 * other writer, whose commit PostgreSQL announces ({@link DataChangeListener}). A cached answer
 * belongs to the generation it was read under and is never served in another.
 *
 * <p>While the listener is not connected, a change by someone else could go unseen, so nothing is
 * cached: {@link #watched()} is false.
 */
@ApplicationScoped
public class DataVersion {

    private final AtomicLong generation = new AtomicLong();
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
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
        generation.incrementAndGet();
        onChange.forEach(Runnable::run);
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
