package dk.kommunejob.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aRequestAnswered503ForALostDatabaseAddsNoLineOfItsOwn() {
        // DatabaseOutage writes one line per outage; what each failed request would add is dropped.
        LogRecord answered = new LogRecord(
                Level.SEVERE,
                "status=503, title=\"Database unavailable\", type=tag:kommunejob.dk,2026:problem:database-unavailable");
        answered.setThrown(new RuntimeException(new SQLException("Connection to db:5432 refused", "08001")));
        LogRecord closed = new LogRecord(
                Level.WARNING, "Datasource '<default>': Closing connection in incorrect state VALIDATION");

        assertFalse(filter.isLoggable(answered));
        assertFalse(filter.isLoggable(closed));
    }

    @Test
    void aReadRefusedBecauseTooManyWaitIsCountedNotLogged() {
        LogRecord refused = new LogRecord(
                Level.SEVERE,
                "status=503, title=\"Tjenesten er optaget\", type=tag:kommunejob.dk,2026:problem:service-busy");
        refused.setThrown(new RuntimeException("too many reads waiting"));
        LogRecord failed = new LogRecord(
                Level.SEVERE,
                "status=500, title=\"Internal Server Error\", type=tag:kommunejob.dk,2026:problem:internal");

        assertFalse(filter.isLoggable(refused));
        assertTrue(filter.isLoggable(failed), "any other 5xx is still logged");
    }

    @Test
    void anOutageAtRunTimeIsNotGivenTheStartupAdvice() {
        LogRecord record = new LogRecord(Level.SEVERE, "status=500, title=\"Internal Server Error\"");
        SQLException refused = new SQLException("Connection to db:5432 refused", "08001");
        record.setThrown(refused);

        assertTrue(filter.isLoggable(record));
        assertSame(refused, record.getThrown());
    }
}
