package dk.kommunejob.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two requests that create the same thing at once (an agency's reference synced twice in parallel):
 * the database's unique constraint stops the second, which is a conflict to repeat, not a 500.
 */
public class ConflictProblems {

    @ServerExceptionMapper
    Response concurrentDuplicate(ConstraintViolationException e, UriInfo uri) {
        return HttpProblem.builder()
                .withStatus(Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail("Another request wrote the same record at the same moment; repeat this request.")
                .withInstance(URI.create(uri.getPath()))
                .build()
                .toResponse();
    }
}
