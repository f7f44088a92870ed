package dk.kommunejob.stage;

import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.position.PositionResource;
import dk.kommunejob.position.PositionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/positions/{id}/stages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Positions")
public class StageResource {

    @Inject
    PositionService positions;

    @GET
    @HttpCached
    @Operation(
            operationId = "listPositionStages",
            summary = "A position's recruitment process",
            description = "Interviews, tests, reference checks and meetings, in the order they take place.")
    @APIResponse(responseCode = "200", description = "The stages.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<StageView> list(
            @Parameter(
                            description = "The position's id or slug.",
                            example = "afdelingschef-for-dagtilbud-og-skole",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    @PathParam("id")
                    String idOrSlug) {
        return positions.stages(idOrSlug).orElseThrow(() -> PositionResource.notFound(idOrSlug));
    }
}
