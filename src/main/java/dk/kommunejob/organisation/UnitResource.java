package dk.kommunejob.organisation;

import dk.kommunejob.cache.Freshness;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.client.Caller;
import dk.kommunejob.client.Idempotency;
import dk.kommunejob.client.IdempotencyKey;
import dk.kommunejob.common.IfMatch;
import dk.kommunejob.common.QueryParams;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class UnitResource {

    @Inject
    OrganisationService organisation;

    @Inject
    OrganisationWriter writer;

    @Inject
    Idempotency idempotency;

    @Inject
    SecurityIdentity identity;

    @GET
    @HttpCached(Freshness.STEADY)
    @Operation(
            operationId = "listUnits",
            summary = "The organisation hierarchy",
            description =
                    "Directorates with their departments and units, as a tree; every employer's unless `employer` is given. "
                            + "Closed units are left out.")
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

    private static final String WRITES = "The employer's editors and an admin.";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "createUnit",
            summary = "Add a unit",
            description = "A directorate, department or unit of an employer, under another of its open units or at "
                    + "the top. " + WRITES)
    @APIResponse(
            responseCode = "201",
            description = "The unit; Location names it, ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The unit.") @Valid @NotNull UnitInput input) {
        Caller caller = Caller.of(identity);
        return idempotency.once(caller, idempotencyKey, "/api/v1/units", input, () -> {
            Versioned<UnitView> written = writer.createUnit(caller, input);
            return written.created(URI.create("/api/v1/units/" + written.value().id()))
                    .toResponse();
        });
    }

    @GET
    @Path("/{id}/editable")
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "getEditableUnit",
            summary = "Get a unit's editable fields",
            description = "Exactly what PUT takes; ETag is the version for If-Match. " + WRITES)
    @APIResponse(
            responseCode = "200",
            description = "The editable fields.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = UnitInput.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<UnitInput> editable(
            @Parameter(description = "Unit id.", example = "12", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return writer.editableUnit(Caller.of(identity), id)
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
            operationId = "replaceUnit",
            summary = "Rename or move a unit",
            description = "A new name, parent or level. A new name shows in every public answer at once, on every "
                    + "replica, and the change feed gets an `updated` event for each of the unit's postings. A unit "
                    + "cannot move under itself or a unit below it. " + WRITES)
    @APIResponse(
            responseCode = "200",
            description = "The unit after the change; ETag is its new version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<UnitView> replace(
            @Parameter(description = "Unit id.", example = "12", schema = @Schema(ref = "Id")) @PathParam("id") long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(description = "The unit's fields.") @Valid @NotNull UnitInput input) {
        return writer.replaceUnit(Caller.of(identity), id, ifMatch.value, input)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "closeUnit",
            summary = "Close a unit",
            description = "For a unit that is gone from the organisation but had postings: it leaves the public tree "
                    + "and takes no new postings, and its postings keep it in their history. Its postings and the "
                    + "units under it must be closed first (409). " + WRITES)
    @APIResponse(
            responseCode = "200",
            description = "The closed unit; ETag is its new version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<UnitView> close(
            @Parameter(description = "Unit id.", example = "12", schema = @Schema(ref = "Id")) @PathParam("id") long id,
            @BeanParam IfMatch ifMatch) {
        return writer.closeUnit(Caller.of(identity), id, ifMatch.value)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @DELETE
    @Path("/{id}")
    // A 204 has no body to negotiate: whatever the client accepts (application/problem+json, say) will do.
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "deleteUnit",
            summary = "Delete a unit",
            description = "Only a unit that never had postings or units under it, made by mistake; one that had is "
                    + "closed instead (409). " + WRITES)
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public void delete(
            @Parameter(description = "Unit id.", example = "12", schema = @Schema(ref = "Id")) @PathParam("id") long id,
            @BeanParam IfMatch ifMatch) {
        writer.deleteUnit(Caller.of(identity), id, ifMatch.value).orElseThrow(() -> notFound(id));
    }

    private static RuntimeException notFound(long id) {
        return Problems.notFound(Messages.text("problem.not-found.unit", id));
    }
}
