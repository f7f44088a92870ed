package dk.kommunejob.sync;

import dk.kommunejob.position.PositionSummary;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Change", description = "Something that happened to a position.")
public record ChangeView(
        @Schema(
                        description = "This event's place in the feed; pass it as `after` to read on from here.",
                        example = "7421.318")
                String cursor,
        @Schema(description = "What happened.", example = "published") ChangeKind kind,
        @Schema(description = "The position it happened to.", example = "101") long positionId,
        @Schema(description = "When it happened.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime at,
        @Schema(description = "The position as the public sees it now, while it is published.")
                PositionSummary position,
        @Schema(description = "Set when the position is out of public view (or no longer open).") Tombstone tombstone) {

    @Schema(name = "Tombstone", description = "Why a position is no longer (openly) public.")
    public record Tombstone(
            @Schema(description = "`closed`, `withdrawn` or `deleted`.", example = "withdrawn") String reason) {}

    @Schema(name = "ChangePage", description = "Events in feed order, and where to read on.")
    public record Page(
            @Schema(description = "The events, oldest first.") List<ChangeView> items,
            @Schema(
                            description =
                                    "The cursor to pass as `after` next time; the same as sent when nothing was new.",
                            example = "7421.318")
                    String next) {}
}
