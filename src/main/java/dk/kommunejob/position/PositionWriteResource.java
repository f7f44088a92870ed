package dk.kommunejob.position;

import dk.kommunejob.checks.Checks;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Writes to positions, for editors and agencies. Every change after creation names the version it
 * builds on (If-Match with the ETag), so no writer silently overwrites another.
 */
@Path("/api/v1/positions")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("writes")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@Tag(name = "Positions")
@RolesAllowed({"admin", "editor", "agency"})
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class PositionWriteResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    PositionWriter writer;

    @Inject
    SecurityIdentity identity;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPosition",
            summary = "Create a position",
            description = "Creates a draft. An editor creates its own employer's; an agency client its own "
                    + "agency's, for an employer that engages it (403 otherwise). The answer's ETag is the version to "
                    + "send in If-Match with the next change.")
    @APIResponse(
            responseCode = "201",
            description = "The draft; Location names it, ETag is its version.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version, for If-Match.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The position's editable fields.") @Valid @NotNull PositionInput input) {
        Caller caller = caller();
        return idempotency.once(caller, idempotencyKey, "/api/v1/positions", input, () -> {
            Versioned<PositionDetail> written = writer.create(caller, input);
            return written.created(
                            URI.create("/api/v1/positions/" + written.value().id()))
                    .toResponse();
        });
    }

    @GET
    @Path("/{id}/editable")
    @Operation(
            operationId = "getEditablePosition",
            summary = "Get a position's editable fields",
            description = "Exactly what PUT takes, drafts and withdrawn positions included: change what you need and "
                    + "send it back with the ETag in If-Match. Server-owned facts (id, state, slug, times) are in the "
                    + "answers to writes and in the public view.")
    @APIResponse(
            responseCode = "200",
            description = "The editable fields; ETag is the version.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version, for If-Match.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(schema = @Schema(implementation = PositionInput.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<PositionInput> editable(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return writer.editable(caller(), id).orElseThrow(() -> notFound(id)).ok();
    }

    @GET
    @Path("/{id}/checks")
    @Operation(
            operationId = "checkPosition",
            summary = "Check a position before it goes out",
            description = "What an editor should know: whether it states its starting pay (an `error` when its "
                    + "employer requires that, a `warning` otherwise), wording that names one sex, and a deadline "
                    + "under 7 days after publishing. A publish refused for an `error` answers the same findings. For "
                    + "those who may edit the position.")
    @APIResponse(
            responseCode = "200",
            description = "The findings.",
            content = @Content(schema = @Schema(implementation = Checks.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Checks checks(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return writer.checks(caller(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(
            operationId = "getPositionHistory",
            summary = "A position's change history",
            description = "Who changed what and when, oldest first. For the employer's editors, and the position's own "
                    + "agency while the employer engages it.")
    @APIResponse(responseCode = "200", description = "The writes.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<HistoryEntry> history(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return writer.history(caller(), id).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replacePosition",
            summary = "Replace a position",
            description = "Replaces every editable field, contacts, stages, sections, committee and links included. "
                    + "A deadline moved later on a published position is kept in its deadline history.")
    @APIResponse(
            responseCode = "200",
            description = "The position after the change; ETag is its new version.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<PositionDetail> replace(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(description = "The position's editable fields.") @Valid @NotNull PositionInput input) {
        return answer(id, writer.replace(caller(), id, ifMatch.value, input));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @Operation(
            operationId = "patchPosition",
            summary = "Change some fields of a position",
            description = "A JSON Merge Patch (RFC 7396) on the editable fields: fields given replace, `null` clears, "
                    + "lists are replaced whole. The result must be a valid position.")
    @APIResponse(
            responseCode = "200",
            description = "The position after the change; ETag is its new version.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<PositionDetail> patch(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(
                            description = "The fields to change.",
                            content =
                                    @Content(
                                            mediaType = MERGE_PATCH,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            example = "{\"title\": \"Lærer i dansk\", \"salary\": null}"))
                    byte[] mergePatch) {
        return answer(id, writer.patch(caller(), id, ifMatch.value, mergePatch));
    }

    @DELETE
    @Path("/{id}")
    // A 204 has no body to negotiate: whatever the client accepts (application/problem+json, say) will do.
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "deletePosition",
            summary = "Delete a position",
            description = "Removes it for good, with its history; the change feed tells consumers with a `deleted` "
                    + "event. To take a published posting down and keep its record, withdraw it instead.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public void delete(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch) {
        writer.delete(caller(), id, ifMatch.value).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(
            operationId = "publishPosition",
            summary = "Publish a draft",
            description = "Needs a unit, a future deadline, an apply URL and at least one contact.")
    @APIResponse(
            responseCode = "200",
            description = "The published position.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "IncompleteOrKeyReused")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response publish(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @BeanParam IdempotencyKey key) {
        return once(key, id, "publish", ifMatch.value, () -> answer(id, writer.publish(caller(), id, ifMatch.value)));
    }

    @POST
    @Path("/{id}/close")
    @Operation(
            operationId = "closePosition",
            summary = "Close a position early",
            description = "Ends an open position before its deadline.")
    @APIResponse(
            responseCode = "200",
            description = "The closed position.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response close(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @BeanParam IdempotencyKey key) {
        return once(key, id, "close", ifMatch.value, () -> answer(id, writer.close(caller(), id, ifMatch.value)));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(
            operationId = "withdrawPosition",
            summary = "Withdraw a position",
            description = "Takes it out of public view, whatever its state.")
    @APIResponse(
            responseCode = "200",
            description = "The withdrawn position.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response withdraw(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @BeanParam IdempotencyKey key) {
        return once(key, id, "withdraw", ifMatch.value, () -> answer(id, writer.withdraw(caller(), id, ifMatch.value)));
    }

    @Schema(name = "Reopening", description = "The new deadline of a reopened position.")
    public record Reopening(
            @Schema(
                            description = "A date or date-time, later than now and than the old deadline.",
                            example = "2025-06-15",
                            maxLength = 40)
                    @NotNull
                    String applicationDeadline) {}

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reopenPosition",
            summary = "Reopen a closed position",
            description = "Opens it again with a later deadline; the old deadline stays in its deadline history.")
    @APIResponse(
            responseCode = "200",
            description = "The reopened position.",
            content = @Content(schema = @Schema(implementation = PositionDetail.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response reopen(
            @Parameter(description = "Position id.", example = "101", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @BeanParam IdempotencyKey key,
            @RequestBody(description = "The new deadline.") @Valid @NotNull Reopening reopening) {
        return once(
                key,
                id,
                "reopen",
                List.of(String.valueOf(ifMatch.value), reopening),
                () -> answer(id, writer.reopen(caller(), id, ifMatch.value, reopening.applicationDeadline())));
    }

    /** A life-cycle step, once per Idempotency-Key: a retry is answered as the first request was. */
    private Response once(
            IdempotencyKey key, long id, String step, Object request, Supplier<RestResponse<PositionDetail>> write) {
        return idempotency.once(caller(), key, "/api/v1/positions/%d/%s".formatted(id, step), request, () -> write.get()
                .toResponse());
    }

    /** Writers see drafts too, so their 404 is not about publication. */
    private static RuntimeException notFound(long id) {
        return Problems.notFound(Messages.text("problem.not-found.position-id", id));
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static RestResponse<PositionDetail> answer(long id, Optional<Versioned<PositionDetail>> written) {
        return written.orElseThrow(() -> notFound(id)).ok();
    }
}
