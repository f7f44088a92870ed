package dk.kommunejob.deadline;

import dk.kommunejob.common.Ref;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Deadline", description = "An open position's application deadline.")
public record DeadlineView(
        @Schema(description = "Position id.", example = "101") long positionId,
        @Schema(description = "Position slug.", example = "afdelingschef-for-dagtilbud-og-skole") String slug,
        @Schema(description = "Position title.", example = "Afdelingschef for Dagtilbud & Skole") String title,
        @Schema(description = "The position's unit.") Ref unit,
        @Schema(
                        description = "Last moment applications are accepted, Copenhagen time.",
                        example = "2025-05-25T23:59:59+02:00")
                OffsetDateTime applicationDeadline,
        @Schema(
                        description = "Whole days from today (Copenhagen) to the deadline's date; 0 on the last day.",
                        example = "3")
                long daysLeft) {}
