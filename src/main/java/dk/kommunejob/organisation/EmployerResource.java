package dk.kommunejob.organisation;

import dk.kommunejob.cache.Freshness;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/employers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employers")
public class EmployerResource {

    @Inject
    OrganisationService organisation;

    @GET
    @HttpCached(Freshness.STEADY)
    @Operation(
            operationId = "listEmployers",
            summary = "List employers",
            description = "Every employer that publishes postings here, by name.")
    @APIResponse(responseCode = "200", description = "The employers.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    public List<EmployerSummary> list() {
        return organisation.employers();
    }

    @GET
    @HttpCached(Freshness.STEADY)
    @Path("/{id}")
    @Operation(
            operationId = "getEmployer",
            summary = "Get an employer's profile",
            description = "Address, phone, presentation and values.")
    @APIResponse(responseCode = "200", description = "The employer.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EmployerProfile get(
            @Parameter(description = "Employer id.", example = "1", schema = @Schema(ref = "Id")) @PathParam("id")
                    String id) {
        return parseId(id)
                .flatMap(organisation::employer)
                .orElseThrow(() -> Problems.notFound(Messages.text("problem.not-found.employer", id)));
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
