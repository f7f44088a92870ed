package dk.kommunejob.webhook;

import dk.kommunejob.client.Caller;
import dk.kommunejob.client.Idempotency;
import dk.kommunejob.client.IdempotencyKey;
import dk.kommunejob.common.IfMatch;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.ratelimit.RateLimited;
import dk.kommunejob.sync.ChangeFeed;
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

/** Webhooks: the change feed pushed to a client's endpoint, signed by the Standard Webhooks spec (README). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("writes")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@Tag(name = "Webhooks")
@RolesAllowed({"admin", "editor", "agency"})
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Idempotency idempotency;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook",
            description = "From now on, each change of the feed that the client may read (and that the webhook's "
                    + "kinds and employer take) is sent to the URL, in feed order, signed with the secret this "
                    + "answer holds: the only time it is shown. An editor's webhooks are about its employer's "
                    + "postings, an agency's about its own.")
    @APIResponse(
            responseCode = "201",
            description = "The webhook and its signing secret; Location names it.",
            content = @Content(schema = @Schema(implementation = SubscriptionCreated.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The endpoint and what to send it.") @Valid @NotNull SubscriptionInput input) {
        Caller caller = Caller.of(identity);
        return idempotency.once(caller, idempotencyKey, "/api/v1/webhooks", input, () -> {
            SubscriptionCreated created = subscriptions.create(caller, input);
            return Response.created(
                            URI.create("/api/v1/webhooks/" + created.webhook().id()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhooks",
            description = "The client's own webhooks (an admin's: every client's), oldest first.")
    @APIResponse(responseCode = "200", description = "The webhooks.")
    public List<SubscriptionView> list() {
        return subscriptions.list(Caller.of(identity));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook", description = "With how its delivery stands.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook; ETag is its version, for If-Match on a change.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<SubscriptionView> get(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return subscriptions
                .get(Caller.of(identity), id)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceWebhook",
            summary = "Change a webhook",
            description = "Another URL, other kinds or another employer. Delivery goes on after the same cursor: "
                    + "nothing is lost or sent twice, and the secret stays. The URL is checked as at registration.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook after the change; ETag is its new version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<SubscriptionView> replace(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @BeanParam IfMatch ifMatch,
            @RequestBody(description = "The endpoint and what to send it.") @Valid @NotNull SubscriptionInput input) {
        return subscriptions
                .update(Caller.of(identity), id, ifMatch.value, input)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(
            operationId = "listWebhookAttempts",
            summary = "A webhook's delivery log",
            description = "Its latest 100 attempts, newest first: the event, the answer's status, how long it "
                    + "took and, after a failure, when the event is tried next.")
    @APIResponse(responseCode = "200", description = "The attempts.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AttemptView> attempts(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return subscriptions.attempts(Caller.of(identity), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(
            operationId = "pauseWebhook",
            summary = "Pause a webhook",
            description = "Nothing is sent until it is resumed; then what came meanwhile, in order. Pausing a "
                    + "paused or disabled webhook changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook, paused; ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<SubscriptionView> pause(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return subscriptions
                .pause(Caller.of(identity), id)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @POST
    @Path("/{id}/resume")
    @Operation(
            operationId = "resumeWebhook",
            summary = "Resume a webhook",
            description = "Delivery goes on after the last event the endpoint accepted: a disabled webhook's "
                    + "failed event is tried again at once, with its retries counted afresh.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook, active; ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<SubscriptionView> resume(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return subscriptions
                .resume(Caller.of(identity), id)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @POST
    @Path("/{id}/redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send events again",
            description = "Every event of its scope after the given cursor of the change feed is sent again, in "
                    + "order, with the `webhook-id` it had: to replay what a receiver lost (one event alone: "
                    + "`POST /webhooks/{id}/attempts/{attemptId}/redeliver`). A disabled webhook becomes active; a "
                    + "paused one stays paused.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook, its cursor moved back; ETag is its version.",
            headers = @Header(name = "ETag", ref = "Version"),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<SubscriptionView> redeliver(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @Parameter(
                            description = "A cursor of the change feed (`GET /changes`, an event's `cursor`): what "
                                    + "came after it is sent again.",
                            required = true,
                            example = "7421.318",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 39,
                                            pattern = "^[0-9]{1,19}\\.[0-9]{1,19}$"))
                    @QueryParam("after")
                    String after) {
        ChangeFeed.Cursor cursor = after == null ? null : ChangeFeed.Cursor.parse(after.strip());
        if (cursor == null) {
            throw Problems.badParameter("after", Messages.text("problem.parameter.cursor"));
        }
        return subscriptions
                .redeliver(Caller.of(identity), id, cursor)
                .orElseThrow(() -> notFound(id))
                .ok();
    }

    @POST
    @Path("/{id}/attempts/{attemptId}/redeliver")
    @Operation(
            operationId = "redeliverWebhookAttempt",
            summary = "Send one event again",
            description = "The event of a logged attempt is sent once more, now, with the `webhook-id` it had, "
                    + "beside the ordered delivery: for a receiver that lost an event it had accepted. Only an "
                    + "event the webhook is past (one after its cursor is still on its way, in order). The answer "
                    + "is the new attempt, delivered or failed; a failure is logged and not retried.")
    @APIResponse(responseCode = "200", description = "The attempt, as the delivery log shows it.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AttemptView redeliverAttempt(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id,
            @Parameter(
                            description = "An attempt's id, from the delivery log.",
                            example = "9041",
                            schema = @Schema(ref = "Id"))
                    @PathParam("attemptId")
                    long attemptId) {
        return subscriptions
                .resend(Caller.of(identity), id, attemptId)
                .orElseThrow(
                        () -> Problems.notFound(Messages.text("problem.not-found.webhook-attempt", id, attemptId)));
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate a webhook's secret",
            description = "A new signing secret, shown in this answer only. For 24 hours every delivery carries "
                    + "two signatures (`webhook-signature: v1,<new> v1,<old>`), so the receiver can switch to the "
                    + "new secret without missing a delivery; then the old one stops signing.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook and its new secret.",
            content = @Content(schema = @Schema(implementation = SubscriptionCreated.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionCreated rotateSecret(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        return subscriptions.rotate(Caller.of(identity), id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook",
            description = "Nothing more is sent; its delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(
            @Parameter(description = "Webhook id.", example = "51", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        if (!subscriptions.delete(Caller.of(identity), id)) {
            throw notFound(id);
        }
    }

    private static RuntimeException notFound(long id) {
        return Problems.notFound(Messages.text("problem.not-found.webhook", id));
    }
}
