package dk.kommunejob.outage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether PostgreSQL is out of reach, so that an operator reads one line when it goes and one when it
 * is back, however many requests failed in between (each of them answered 503 with Retry-After).
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final long NONE = Long.MIN_VALUE;

    /**
     * A request that began waiting for a connection before the database came back can fail just after
     * (the pool's acquisition timeout, 1 s): that is the outage that ended, not a new one.
     */
    private static final long STRAGGLERS_NANOS = 2_000_000_000L;

    /** When the outage began (System.nanoTime), or NONE. */
    private final AtomicLong since = new AtomicLong(NONE);

    private volatile long backAt = NONE;

    /** A request could not use the database. */
    public void lost(Throwable cause) {
        if (backAt != NONE && System.nanoTime() - backAt < STRAGGLERS_NANOS) {
            return;
        }
        connectionLost(cause);
    }

    /** The change listener's own connection failed: no straggler of an outage that ended, whenever it came. */
    public void connectionLost(Throwable cause) {
        if (since.compareAndSet(NONE, System.nanoTime())) {
            LOG.warnf("Database unavailable (%s); answering 503 with Retry-After until it is back", reason(cause));
        }
    }

    /** Whether the database is known to be out of reach now: what stale answers are served for. */
    public boolean ongoing() {
        return since.get() != NONE;
    }

    /** The database answered again. */
    public void back() {
        long began = since.getAndSet(NONE);
        if (began != NONE) {
            backAt = System.nanoTime();
            LOG.infof("Database available again after %.1f s", (System.nanoTime() - began) / 1e9);
        }
    }

    /**
     * Runs background work that needs the database (a scheduled check). A failure for want of the
     * database counts to the outage, and the work waits for its next turn, rather than logging a stack
     * trace every turn.
     */
    public void whenAvailable(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!isOutage(e)) {
                throw e;
            }
            lost(e);
        }
    }

    /**
     * SQLState class 08 (connection exception), 57P01-57P03 (the server shutting down, or not yet
     * accepting connections), or no connection to be had from the pool in time; anywhere among the
     * causes, or the suppressed ones (a commit that failed keeps the driver's error there).
     */
    public static boolean isOutage(Throwable failure) {
        if (failure == null) {
            return false;
        }
        if (failure instanceof SQLException sql
                && ((sql.getSQLState() != null
                                && (sql.getSQLState().startsWith("08")
                                        || sql.getSQLState().startsWith("57P0")))
                        || String.valueOf(sql.getMessage()).contains("cquisition timeout"))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isOutage(suppressed)) {
                return true;
            }
        }
        return failure.getCause() != failure && isOutage(failure.getCause());
    }

    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "SQLState %s: %s".formatted(sql.getSQLState(), sql.getMessage());
            }
        }
        return String.valueOf(cause);
    }
}
