package dk.kommunejob.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Which webhooks this instance is delivering: PostgreSQL session advisory locks, all held on one connection of the
 * pool. A webhook's lock is taken for its turn and given back after; another instance's try for it fails meanwhile.
 * An instance that dies loses its connection and every lock with it, so another takes over at its next poll.
 *
 * <p>One connection for every lock, rather than a transaction per turn, so that a turn waiting up to 10 s on a
 * receiver holds no pooled connection: a few slow receivers would otherwise starve the API of connections.
 */
@ApplicationScoped
public class DeliveryLocks {

    private static final Logger LOG = Logger.getLogger(DeliveryLocks.class);
    /** The lock's first key, the webhook's id the second: "whk" in ASCII. */
    private static final int SPACE = 0x77686b;

    @Inject
    AgroalDataSource dataSource;

    private Connection connection;
    /** Moves on whenever the connection is lost: every lock taken before it is gone. */
    private long generation;

    /** The lock's generation when this instance now holds the webhook's lock, or -1 when another instance does. */
    public synchronized long tryLock(long id) throws SQLException {
        try (PreparedStatement lock = connection().prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, SPACE);
            lock.setInt(2, (int) id);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1) ? generation : -1;
            }
        } catch (SQLException e) {
            lost(e);
            throw e;
        }
    }

    public synchronized void unlock(long id, long taken) {
        if (taken != generation || connection == null) {
            return; // gone with the connection it was taken on
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, SPACE);
            unlock.setInt(2, (int) id);
            unlock.execute();
        } catch (SQLException e) {
            lost(e);
        }
    }

    /** Whether a lock taken in that generation is still held: checked before each event is sent. */
    public synchronized boolean held(long taken) {
        return taken == generation && connection != null;
    }

    /**
     * Asks whether the connection is still there (each poll): after a database restart its locks are gone, and a
     * turn that went on would deliver beside another instance's.
     */
    public synchronized void check() {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isValid(1)) {
                lost(new SQLException("the lock connection is no longer valid"));
            }
        } catch (SQLException e) {
            lost(e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void lost(SQLException e) {
        LOG.debugf("webhook locks lost with their connection: %s", e.getMessage());
        generation++;
        release();
    }

    synchronized void close() {
        generation++;
        release();
    }

    /**
     * Back to the pool, its locks let go first: the pool keeps the session open, and a lock left on it would keep
     * the webhook from every instance. When even that fails the connection is broken, and the pool drops it.
     */
    private void release() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException ignored) {
            // broken: its session, and the locks, are gone
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
        connection = null;
    }
}
