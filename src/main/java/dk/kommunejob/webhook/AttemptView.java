package dk.kommunejob.webhook;

import dk.kommunejob.common.Copenhagen;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookAttempt", description = "One attempt at sending one event.")
public record AttemptView(
        @Schema(description = "Its id, to send its event again.", example = "9041") long id,
        @Schema(
                        description = "The `webhook-id` header: the same for every attempt at this event.",
                        example = "msg_51_7421_318")
                String messageId,
        @Schema(description = "The event's cursor in the change feed.", example = "7421.318") String eventCursor,
        @Schema(description = "Which attempt at the event, from 1.", example = "1") int attempt,
        @Schema(description = "When it was sent.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime attemptedAt,
        @Schema(
                        description = "The answer's status; none when no answer came (timeout, refused connection).",
                        example = "200")
                Integer statusCode,
        @Schema(description = "How long the endpoint took to answer, in milliseconds.", example = "84") int latencyMs,
        @Schema(description = "`delivered` (a 2xx) or `failed`.", example = "delivered") String result,
        @Schema(description = "What went wrong, when it failed.", example = "HTTP 503") String error,
        @Schema(
                        description = "When the event is tried next, after a failure that leaves retries.",
                        example = "2025-04-28T09:00:05+02:00")
                OffsetDateTime nextAttemptAt) {

    static AttemptView of(Attempt a) {
        return new AttemptView(
                a.id,
                a.messageId,
                a.eventCursor,
                a.attempt,
                Copenhagen.local(a.attemptedAt),
                a.statusCode,
                a.latencyMs,
                a.result,
                a.error,
                a.nextAttemptAt == null ? null : Copenhagen.local(a.nextAttemptAt));
    }
}
