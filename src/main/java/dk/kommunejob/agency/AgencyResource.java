package dk.kommunejob.agency;

import dk.kommunejob.cache.Freshness;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.client.Caller;
import dk.kommunejob.client.Idempotency;
import dk.kommunejob.client.IdempotencyKey;
import dk.kommunejob.common.IfMatch;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.ratelimit.RateLimited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @Inject
    Idempotency idempotency;

    @Inject
    SecurityIdentity identity;

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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "createAgency",
            summary = "Add a recruitment agency",
            description = "Admin. Then give it a key (`POST /api/v1/clients`, role `agency`); employers engage it "
                    + "through `POST /api/v1/engagements`.")
    @APIResponse(
            responseCode = "201",
            description = "The agency; Location names it, ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The agency.") @Valid @NotNull AgencyInput input) {
        Caller caller = Caller.of(identity);
        return idempotency.once(caller, idempotencyKey, "/api/v1/agencies", input, () -> {
            Versioned<AgencyView> kept = agencies.create(caller, input);
            return kept.created(URI.create("/api/v1/agencies/" + kept.value().id()))
                    .toResponse();
        });
    }

    @GET
    @Path("/{id}/editable")
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "getEditableAgency",
            summary = "Get an agency's editable fields",
            description = "Exactly what PUT takes; ETag is the version for If-Match. Admin.")
    @APIResponse(
            responseCode = "200",
            description = "The editable fields.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = AgencyInput.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<AgencyInput> editable(
            @Parameter(description = "Agency id.", example = "2", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return agencies.editable(Caller.of(identity), id)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "replaceAgency",
            summary = "Change an agency",
            description = "Admin. A new name shows in every public answer at once, and the change feed gets an "
                    + "`updated` event for each of the agency's postings.")
    @APIResponse(
            responseCode = "200",
            description = "The agency after the change; ETag is its new version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<AgencyView> replace(
            @Parameter(description = "Agency id.", example = "2", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(description = "The agency.") @Valid @NotNull AgencyInput input) {
        return agencies.replace(Caller.of(identity), id, ifMatch.value, input)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    private static RuntimeException notFound(long id) {
        return Problems.notFound(Messages.text("problem.not-found.agency", id));
    }
}
