package dk.kommunejob.engagement;

import dk.kommunejob.common.QueryParams;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewEngagement", description = "An employer engages an agency: the agency may act for it on these days.")
public record EngagementInput(
        @Schema(
                        description = "The employer; an editor may leave it out (its own).",
                        example = "1",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long employerId,
        @Schema(description = "The agency engaged.", example = "2", minimum = "1", maximum = QueryParams.MAX_ID)
                @NotNull
                Long agencyId,
        @Schema(
                        description = "The first day (Copenhagen); today when left out.",
                        example = "2025-04-01",
                        maxLength = 10)
                LocalDate startsOn,
        @Schema(
                        description = "The last day, included; open-ended when left out.",
                        example = "2025-12-31",
                        maxLength = 10)
                LocalDate endsOn) {}
