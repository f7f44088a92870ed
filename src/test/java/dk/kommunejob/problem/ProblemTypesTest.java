package dk.kommunejob.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How framework problems get their kind; a database out of reach cannot be provoked in the suite. */
class ProblemTypesTest {

    private final ProblemTypes types = new ProblemTypes();

    {
        types.outage = new dk.kommunejob.outage.DatabaseOutage();
    }

    private HttpProblem apply(int status, Throwable cause) {
        return types.apply(
                HttpProblem.builder().withStatus(status).withTitle("x").build(),
                ProblemContext.of(cause, "/api/v1/positions"));
    }

    @Test
    void aLostDatabaseConnectionIsA503ToRetry() {
        HttpProblem problem = apply(500, new IllegalStateException(new SQLException("Connection refused", "08001")));
        assertEquals(ProblemType.DATABASE_UNAVAILABLE.uri, problem.getType());
        assertEquals(503, problem.getStatusCode());
        assertEquals(ProblemTypes.DATABASE_RETRY_AFTER, problem.getHeaders().get("Retry-After"));
    }

    @Test
    void anEmptyPoolIsA503AndAnyOtherFailureA500() {
        assertEquals(
                503, apply(500, new SQLException("Sorry, acquisition timeout!")).getStatusCode());
        // A commit cut off by PostgreSQL stopping: the driver's error is a suppressed one (Narayana, Agroal).
        Exception commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction")
                .initCause(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(503, apply(500, commit).getStatusCode());
        // PostgreSQL stopping ends the sessions it has with 57P01.
        assertEquals(
                503,
                apply(500, new SQLException("terminating connection due to administrator command", "57P01"))
                        .getStatusCode());
        HttpProblem other = apply(500, new SQLException("division by zero", "22012"));
        assertEquals(ProblemType.SERVER_ERROR.uri, other.getType());
        assertEquals(500, other.getStatusCode());
    }

    @Test
    void aStatusNoKindNamesStaysAboutBlank() {
        assertEquals(null, apply(408, null).getType());
        assertEquals(ProblemType.METHOD_NOT_ALLOWED.uri, apply(405, null).getType());
    }
}
