package dk.kommunejob.webhook;

import dk.kommunejob.language.Messages;
import dk.kommunejob.sync.ChangeKind;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A subscription to the change feed, and how its delivery stands.")
public record SubscriptionView(
        @Schema(description = "Its id.", example = "51") long id,
        @Schema(description = "The receiving endpoint.", example = "https://portal.muusmann.example/hooks/jobs")
                String url,
        @Schema(description = "The change kinds it is sent; every kind when empty.", example = "[\"published\"]")
                List<ChangeKind> kinds,
        @Schema(description = "The employer whose postings it is about, when narrowed to one.", example = "1")
                Long employerId,
        @Schema(
                        description = "`active` (delivering), `paused` (by its owner; resuming sends what came "
                                + "meanwhile) or `disabled` (by the service: see `disabledReason`).",
                        example = "active")
                Subscription.State state,
        @Schema(
                        description = "Why the service stopped delivering: the endpoint answered 410, or every "
                                + "retry of an event failed.",
                        example = "The endpoint answered 410 Gone.")
                String disabledReason,
        @Schema(
                        description = "The change feed's cursor of the last event delivered (or passed over as "
                                + "outside its kinds): delivery goes on after it.",
                        example = "7421.318")
                String cursor,
        @Schema(description = "Failed attempts at the next event.", example = "0") int failures,
        @Schema(description = "When the next event is tried.", example = "2025-04-28T09:00:05+02:00")
                OffsetDateTime nextAttemptAt,
        @Schema(description = "When it was made.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime createdAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(
                s.id,
                s.url,
                Arrays.stream(s.kinds).map(ChangeKind::valueOf).toList(),
                s.employerId,
                s.state,
                s.disabledReason == null ? null : Messages.text("webhook.disabled." + s.disabledReason, s.failures),
                s.cursorTx + "." + s.cursorSeq,
                s.failures,
                dk.kommunejob.common.Copenhagen.local(s.nextAttemptAt),
                dk.kommunejob.common.Copenhagen.local(s.createdAt));
    }
}
