package dk.kommunejob.engagement;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "EngagementTerms",
        description = "An engagement's days. To end an engagement, give its last day; an agency's key stops acting for "
                + "the employer the day after.")
public record EngagementTerms(
        @Schema(description = "The first day (Copenhagen).", example = "2025-04-01", maxLength = 10) @NotNull
                LocalDate startsOn,
        @Schema(
                        description = "The last day, included; open-ended when left out.",
                        example = "2025-12-31",
                        maxLength = 10)
                LocalDate endsOn) {}
