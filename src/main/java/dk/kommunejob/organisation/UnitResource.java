package dk.kommunejob.organisation;

import dk.kommunejob.cache.Freshness;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class UnitResource {

    @Inject
    OrganisationService organisation;

    @GET
    @HttpCached(Freshness.STEADY)
    @Operation(
            operationId = "listUnits",
            summary = "The organisation hierarchy",
            description =
                    "Directorates with their departments and units, as a tree; every employer's unless `employer` is given.")
    @APIResponse(responseCode = "200", description = "The top-level units, each with its sub-units.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<UnitNode> tree(
            @Parameter(
                            description = "Only this employer's units (employer id).",
                            example = "1",
                            schema = @Schema(ref = "Id"))
                    @QueryParam("employer")
                    String employer) {
        Long employerId = QueryParams.id("employer", employer);
        if (employerId != null && !organisation.employerExists(employerId)) {
            throw Problems.badParameter(
                    "employer",
                    Messages.text(
                            "problem.parameter.no-such", "employer", Messages.text("thing.employer"), employerId));
        }
        return organisation.units(employerId);
    }
}
