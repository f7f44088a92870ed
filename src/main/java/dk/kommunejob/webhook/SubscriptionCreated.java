package dk.kommunejob.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CreatedWebhook",
        description = "A new webhook with its signing secret. Store the secret now: it is not shown again.")
public record SubscriptionCreated(
        @Schema(description = "The webhook.") SubscriptionView webhook,
        @Schema(
                        description =
                                "The signing secret, as Standard Webhooks libraries take it: `whsec_` and " + "base64.",
                        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                String secret) {}
