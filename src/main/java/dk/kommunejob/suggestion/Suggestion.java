package dk.kommunejob.suggestion;

import dk.kommunejob.position.PublicStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One suggestion for the search box: a position title or a unit name.")
public record Suggestion(
        @Schema(description = "What to show, and to search for.", example = "Pædagog til Børnehuset Trekløveren")
                String text,
        @Schema(
                        description = "`position`: a title of published positions; `unit`: an organisation unit.",
                        example = "position")
                Kind kind,
        @Schema(description = "For a title: whether positions with it are open.", example = "open") PublicStatus status,
        @Schema(description = "For a title: how many published positions have it.", example = "1") Integer positions,
        @Schema(
                        description = "For a title only one position has: its slug, to go straight to it.",
                        example = "paedagog-til-boernehuset-trekloeveren")
                String slug,
        @Schema(description = "For a unit: its id, to filter the list by.", example = "12") Long unit) {

    @Schema(name = "SuggestionKind", description = "What a suggestion names.")
    public enum Kind {
        position,
        unit
    }
}
