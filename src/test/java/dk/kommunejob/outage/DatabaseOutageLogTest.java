package dk.kommunejob.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One line when the database goes, one when it is back, whatever fails in between or just after. */
class DatabaseOutageLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(DatabaseOutage.class.getName());
    private final long testThread = Thread.currentThread().getId();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // Only this test's lines: the service running beside it in this JVM logs to the same logger.
            if (record.getLongThreadID() == testThread) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void collect() {
        logger.addHandler(collector);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(collector);
    }

    @Test
    void manyFailuresAreOneOutageAndAStragglerAfterItsEndIsNoNewOne() {
        DatabaseOutage outage = new DatabaseOutage();
        SQLException refused = new SQLException("Connection refused", "08001");

        outage.lost(refused);
        outage.lost(refused);
        outage.whenAvailable(() -> {
            throw new IllegalStateException(refused);
        });
        outage.back();
        outage.back();
        // A request that waited for a connection across the return fails just after it.
        outage.lost(new SQLException("Acquisition timeout while waiting for new connection"));

        assertEquals(2, lines.size(), lines.toString());
        assertEquals(true, lines.get(0).contains("Database unavailable"), lines.toString());
        assertEquals(true, lines.get(1).contains("Database available again"), lines.toString());
    }
}
