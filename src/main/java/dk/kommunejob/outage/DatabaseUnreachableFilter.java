package dk.kommunejob.outage;

import dk.kommunejob.problem.ProblemType;
import io.quarkus.logging.LoggingFilter;
import java.sql.SQLException;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What the log says when PostgreSQL is out of reach.
 *
 * <ul>
 *   <li>At start, an operator needs one line saying so and how to point the service elsewhere, not the
 *       stack trace of a failed startup: the startup failure becomes that line.
 *   <li>At run time, {@link DatabaseOutage} writes one line when the database goes and one when it is
 *       back. The records each failed request would add (the 503 it was answered, the pool closing a
 *       connection that died) say nothing more and are dropped.
 *   <li>Likewise when too many reads wait for the database: each one refused 503 service-busy is counted
 *       ({@code jobs.reads.busy}), not logged. Each was an ERROR with a stack trace, 272 of them in 40 s of one
 *       bench (bench/README.md, "Time to peak"): noise that hides real errors, rendered when CPU is scarcest.
 * </ul>
 *
 * Every other record passes unchanged.
 */
@LoggingFilter(name = "database-unreachable")
public final class DatabaseUnreachableFilter implements Filter {

    /** SQLState classes: connection exception, invalid authorization, invalid catalog (no such database). */
    private static final Set<String> UNREACHABLE = Set.of("08", "28", "3D");

    private static final String OUTAGE_PROBLEM = ProblemType.DATABASE_UNAVAILABLE.uri.toString();
    private static final String BUSY_PROBLEM = ProblemType.SERVICE_BUSY.uri.toString();

    private final String url;

    public DatabaseUnreachableFilter(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.url = url;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = String.valueOf(
                record instanceof ExtLogRecord formatted ? formatted.getFormattedMessage() : record.getMessage());
        if (message.contains(OUTAGE_PROBLEM)
                || message.contains(BUSY_PROBLEM)
                || message.contains("Closing connection in incorrect state")) {
            return false;
        }
        if (record.getThrown() == null || !message.startsWith("Failed to start")) {
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
