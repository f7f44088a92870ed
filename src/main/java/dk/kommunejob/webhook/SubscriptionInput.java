package dk.kommunejob.webhook;

import dk.kommunejob.common.QueryParams;
import dk.kommunejob.sync.ChangeKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewWebhook", description = "Where to send which changes of the feed.")
public record SubscriptionInput(
        @Schema(
                        description = "The receiving endpoint: https, at a public address.",
                        example = "https://portal.muusmann.example/hooks/jobs",
                        maxLength = 2000)
                @NotBlank
                @Size(max = 2000)
                String url,
        @Schema(
                        description = "The change kinds to send; every kind when left out or empty.",
                        example = "[\"published\", \"closed\", \"withdrawn\"]",
                        maxItems = 8)
                @Size(max = 8)
                List<@NotNull ChangeKind> kinds,
        @Schema(
                        description = "Only this employer's postings. An editor's webhooks are always its own "
                                + "employer's; an agency's are its own postings'; an admin's every posting's unless "
                                + "given.",
                        example = "1",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long employerId) {}
