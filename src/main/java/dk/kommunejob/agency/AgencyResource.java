package dk.kommunejob.agency;

import dk.kommunejob.cache.Freshness;
import dk.kommunejob.cache.HttpCached;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @GET
    @HttpCached(Freshness.STEADY)
    @Operation(
            operationId = "listAgencies",
            summary = "List recruitment agencies",
            description = "Every recruitment agency, by name.")
    @APIResponse(responseCode = "200", description = "The agencies.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    public List<AgencyView> list() {
        return agencies.list();
    }
}
