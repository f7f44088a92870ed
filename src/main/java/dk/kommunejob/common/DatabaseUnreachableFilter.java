package dk.kommunejob.common;

import io.quarkus.logging.LoggingFilter;
import java.sql.SQLException;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When the service cannot reach or log in to PostgreSQL at start, an operator needs one line saying
 * so and how to point it elsewhere, not the stack trace of a failed startup. This filter turns the
 * startup failure into that line; every other log record passes unchanged.
 */
@LoggingFilter(name = "database-unreachable")
public final class DatabaseUnreachableFilter implements Filter {

    /** SQLState classes: connection exception, invalid authorization, invalid catalog (no such database). */
    private static final Set<String> UNREACHABLE = Set.of("08", "28", "3D");

    private final String url;

    public DatabaseUnreachableFilter(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.url = url;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() == null) {
            return true;
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && UNREACHABLE.contains(sql.getSQLState().substring(0, 2))) {
                record.setMessage(("Cannot use PostgreSQL at %s: %s Point the service at a PostgreSQL database with "
                                + "QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.")
                        .formatted(url, sentence(sql.getMessage())));
                record.setParameters(null);
                record.setThrown(null);
                return true;
            }
        }
        return true;
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }
}
