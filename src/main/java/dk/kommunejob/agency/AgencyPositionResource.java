package dk.kommunejob.agency;

import dk.kommunejob.client.Caller;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.position.PositionDetail;
import dk.kommunejob.position.PositionInput;
import dk.kommunejob.position.PositionWriter;
import dk.kommunejob.position.PositionWriter.Synced;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.ratelimit.RateLimited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Agencies keep the postings they run in step with their own systems, by their own references. */
@Path("/api/v1/agencies/{agencyId}/positions")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("writes")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@Tag(name = "Positions")
@RolesAllowed({"admin", "editor", "agency"})
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class AgencyPositionResource {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    @Inject
    PositionWriter writer;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("/{externalRef}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "syncAgencyPosition",
            summary = "Create or replace an agency's position by its own reference",
            description = "Idempotent: the first request creates a draft (201), later ones replace its editable fields "
                    + "(200). Repeating a request changes nothing and makes no change event. No If-Match: the "
                    + "agency's system is the source of the posting.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced, or unchanged; ETag is its version.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created as a draft; Location names it.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<PositionDetail> sync(
            @Parameter(description = "The agency's id.", example = "1", schema = @Schema(ref = "Id"))
                    @PathParam("agencyId")
                    long agencyId,
            @Parameter(
                            description = "The agency's own reference: letters, digits, `.`, `_`, `~`, `-`.",
                            example = "MUU-2025-0142",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = "^[A-Za-z0-9._~-]{1,200}$",
                                            maxLength = 200))
                    @PathParam("externalRef")
                    String externalRef,
            @RequestBody(description = "The position's editable fields.") @Valid @NotNull PositionInput input) {
        if (!REFERENCE.matcher(externalRef).matches()) {
            throw Problems.badParameter(
                    "externalRef", "Path parameter 'externalRef' must be 1-200 letters, digits, '.', '_', '~' or '-'.");
        }
        Synced synced = writer.sync(Caller.of(identity), agencyId, externalRef, input)
                .orElseThrow(() -> Problems.notFound("No agency with id %d.".formatted(agencyId)));
        Versioned<PositionDetail> written = synced.written();
        return synced.created()
                ? written.created(
                        URI.create("/api/v1/positions/" + written.value().id()))
                : written.ok();
    }
}
