package dk.kommunejob.engagement;

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

/** Which agencies act for which employers, and when: made by the employer's editors. */
@Path("/api/v1/engagements")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("writes")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@Tag(name = "Engagements")
@RolesAllowed({"admin", "editor", "agency"})
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class EngagementResource {

    @Inject
    EngagementService engagements;

    @Inject
    Idempotency idempotency;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createEngagement",
            summary = "Engage an agency",
            description = "The agency's keys may then create and change the agency's postings of this employer, on "
                    + "the engagement's days. The employer's editors and an admin; two engagements of one agency by "
                    + "one employer may not share a day (409).")
    @APIResponse(
            responseCode = "201",
            description = "The engagement; Location names it, ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The employer, the agency and the days.") @Valid @NotNull
                    EngagementInput input) {
        Caller caller = Caller.of(identity);
        return idempotency.once(caller, idempotencyKey, "/api/v1/engagements", input, () -> {
            Versioned<EngagementView> kept = engagements.create(caller, input);
            return kept.created(URI.create("/api/v1/engagements/" + kept.value().id()))
                    .toResponse();
        });
    }

    @GET
    @Operation(
            operationId = "listEngagements",
            summary = "List engagements",
            description = "The engagements the caller may see, newest first: an admin every one, an editor its "
                    + "employer's, an agency its own.")
    @APIResponse(responseCode = "200", description = "The engagements.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<EngagementView> list(
            @Parameter(description = "Only this employer's.", example = "1", schema = @Schema(ref = "Id"))
                    @QueryParam("employer")
                    String employer,
            @Parameter(description = "Only this agency's.", example = "2", schema = @Schema(ref = "Id"))
                    @QueryParam("agency")
                    String agency) {
        return engagements.list(
                Caller.of(identity), QueryParams.id("employer", employer), QueryParams.id("agency", agency));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEngagement", summary = "Get an engagement", description = "With its version.")
    @APIResponse(
            responseCode = "200",
            description = "The engagement; ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<EngagementView> get(
            @Parameter(description = "Engagement id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return engagements
                .get(Caller.of(identity), id)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeEngagement",
            summary = "Change an engagement's days",
            description = "Extends, shortens or ends it: to end it, give its last day. The employer's editors and "
                    + "an admin.")
    @APIResponse(
            responseCode = "200",
            description = "The engagement after the change; ETag is its new version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<EngagementView> change(
            @Parameter(description = "Engagement id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(description = "The engagement's days.") @Valid @NotNull EngagementTerms terms) {
        return engagements
                .change(Caller.of(identity), id, ifMatch.value, terms)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    private static RuntimeException notFound(long id) {
        return Problems.notFound(Messages.text("problem.not-found.engagement", id));
    }
}
