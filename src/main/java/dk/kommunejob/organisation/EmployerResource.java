package dk.kommunejob.organisation;

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
import java.util.Optional;
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

@Path("/api/v1/employers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employers")
public class EmployerResource {

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
        return parseId(id).flatMap(organisation::employer).orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    // Every role reaches tenancy.Access, whose 403 says who may.
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "createEmployer",
            summary = "Add an employer",
            description = "A new municipality or other public employer on this deployment (admin). Then give it an "
                    + "editor key (`POST /api/v1/clients`), its units and its settings: README, \"Onboarding\".")
    @APIResponse(
            responseCode = "201",
            description = "The employer; Location names it, ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = EmployerProfile.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The employer's profile and settings.") @Valid @NotNull EmployerInput input) {
        Caller caller = Caller.of(identity);
        return idempotency.once(caller, idempotencyKey, "/api/v1/employers", input, () -> {
            Versioned<EmployerProfile> written = writer.createEmployer(caller, input);
            return written.created(
                            URI.create("/api/v1/employers/" + written.value().id()))
                    .toResponse();
        });
    }

    @GET
    @Path("/{id}/editable")
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "getEditableEmployer",
            summary = "Get an employer's profile and settings to edit",
            description = "Exactly what PUT takes, the public settings included; ETag is the version for If-Match. "
                    + "The employer's editors and an admin.")
    @APIResponse(
            responseCode = "200",
            description = "The editable profile and settings.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = EmployerInput.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<EmployerInput> editable(
            @Parameter(description = "Employer id.", example = "1", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return writer.editableEmployer(Caller.of(identity), id)
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
            operationId = "replaceEmployer",
            summary = "Change an employer's profile and settings",
            description = "Replaces the profile (name, address, phone, website, logo, presentation, values) and the "
                    + "public settings (posting page, website origins). The employer's editors and an admin. A new "
                    + "name shows in every public answer at once, on every replica, and the change feed gets an "
                    + "`updated` event for each of the employer's postings.")
    @APIResponse(
            responseCode = "200",
            description = "The employer after the change; ETag is its new version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = EmployerProfile.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<EmployerProfile> replace(
            @Parameter(description = "Employer id.", example = "1", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(description = "The employer's profile and settings.") @Valid @NotNull EmployerInput input) {
        return writer.replaceEmployer(Caller.of(identity), id, ifMatch.value, input)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    private static RuntimeException notFound(Object id) {
        return Problems.notFound(Messages.text("problem.not-found.employer", id));
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
