package dk.kommunejob.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableFilterTest {

    private final DatabaseUnreachableFilter filter = new DatabaseUnreachableFilter("jdbc:postgresql://db:5432/jobs");

    @Test
    void aStartupFailureForWantOfADatabaseBecomesOneLineSayingWhatToSet() {
        LogRecord record = new LogRecord(Level.SEVERE, "Failed to start application");
        record.setThrown(new RuntimeException(
                "Failed to start quarkus",
                new IllegalStateException(new SQLException("Connection to db:5432 refused", "08001"))));

        assertTrue(filter.isLoggable(record));
        assertNull(record.getThrown());
        assertEquals(
                "Cannot use PostgreSQL at jdbc:postgresql://db:5432/jobs: Connection to db:5432 refused. "
                        + "Point the service at a PostgreSQL database with QUARKUS_DATASOURCE_JDBC_URL, "
                        + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.",
                record.getMessage());
    }

    @Test
    void otherFailuresKeepTheirStackTrace() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate key", "23505"));
        LogRecord record = new LogRecord(Level.SEVERE, "Request failed");
        record.setThrown(failure);

        assertTrue(filter.isLoggable(record));
        assertSame(failure, record.getThrown());
        assertEquals("Request failed", record.getMessage());
    }
}
