package dk.kommunejob.problem;

import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body over the API's limit with a problem before reading it; {@link
 * StreamedBodyLimit} stops an undeclared (chunked) one as it is read.
 */
public class BodySizeLimit {

    // Filters are created at static init, before configuration mappings exist: look it up per call.
    @Inject
    Provider<JobsConfig> config;

    @ServerRequestFilter
    Optional<Response> limit(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long maxBytes = config.get().maxBodySize();
        if (declared != null
                && declared.chars().allMatch(Character::isDigit)
                && declared.length() < 19
                && Long.parseLong(declared) > maxBytes) {
            return Optional.of(Problems.of(ProblemType.BODY_TOO_LARGE)
                    .withDetail(Messages.text("problem.body-too-large.detail", declared, maxBytes))
                    .withInstance(URI.create(request.getUriInfo().getPath()))
                    .build()
                    .toResponse());
        }
        return Optional.empty();
    }
}
