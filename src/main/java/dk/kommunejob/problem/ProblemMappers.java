package dk.kommunejob.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.kommunejob.language.Messages;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The exceptions that need more than the problem extension's own mapping. Its mappers for the two
 * authentication failures fail on this Quarkus version (they read a field Quarkus removed), so
 * these take precedence; everything else it maps is typed by {@link ProblemTypes}.
 */
public class ProblemMappers {

    public static final String CHALLENGE = "Bearer realm=\"job-postings\"";

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        // Quarkus adds the mechanism's WWW-Authenticate challenge to failed authentications itself.
        return problem(ProblemType.UNAUTHORIZED, Messages.text("problem.unauthorized.unknown-key"), uri)
                .build()
                .toResponse();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    Response anonymous(UnauthorizedException e, UriInfo uri) {
        return problem(ProblemType.UNAUTHORIZED, Messages.text("problem.unauthorized.no-key"), uri)
                .withHeader("WWW-Authenticate", CHALLENGE)
                .build()
                .toResponse();
    }

    /**
     * Two requests that create the same thing at once (an agency's reference synced twice in
     * parallel): the database's unique constraint stops the second, which is a conflict to repeat.
     */
    @ServerExceptionMapper
    Response concurrentDuplicate(ConstraintViolationException e, UriInfo uri) {
        return problem(ProblemType.CONCURRENT_WRITE, Messages.text("problem.concurrent-write.detail"), uri)
                .build()
                .toResponse();
    }

    /**
     * A body value of the wrong JSON type (a string where a list belongs). Quarkus's own mapper for
     * it would answer without a problem; this one names the field like every other body error.
     */
    @ServerExceptionMapper
    Response wrongJsonType(MismatchedInputException e, UriInfo uri) {
        return HttpProblem.builder(ProblemTypes.jsonProblem(e))
                .withInstance(Problems.instance(uri.getPath()))
                .build()
                .toResponse();
    }

    private static HttpProblem.Builder problem(ProblemType type, String detail, UriInfo uri) {
        return Problems.of(type).withDetail(detail).withInstance(Problems.instance(uri.getPath()));
    }
}
