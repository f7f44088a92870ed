package dk.kommunejob.client;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401s as problem details. The problem extension's own mappers for these fail on this Quarkus
 * version (they read a field Quarkus removed), so these take precedence; its 403 mapper works.
 */
public class SecurityProblems {

    static final String CHALLENGE = "Bearer realm=\"job-postings\"";

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        // Quarkus adds the mechanism's WWW-Authenticate challenge to failed authentications itself.
        return problem(
                        Status.UNAUTHORIZED,
                        "The API key is unknown or revoked, or the Authorization header is not 'Bearer <key>'.",
                        uri)
                .build()
                .toResponse();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    Response anonymous(UnauthorizedException e, UriInfo uri) {
        return problem(Status.UNAUTHORIZED, "This needs an API key: send 'Authorization: Bearer <key>'.", uri)
                .withHeader("WWW-Authenticate", CHALLENGE)
                .build()
                .toResponse();
    }

    private static HttpProblem.Builder problem(Status status, String detail, UriInfo uri) {
        return HttpProblem.builder()
                .withStatus(status)
                .withTitle(status.getReasonPhrase())
                .withDetail(detail)
                .withInstance(URI.create(uri.getPath()));
    }
}
