package dk.kommunejob.checks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A posting's checks: what was found, and whether anything of it blocks publishing. */
@Schema(description = "What a posting's checks found.")
public record Checks(
        @Schema(description = "Every finding, errors first.") List<Finding> findings,
        @Schema(
                        description = "Whether no finding blocks publishing (what publishing needs besides: a unit, a "
                                + "deadline, where to apply and a contact, is not a finding).",
                        example = "true")
                boolean publishable) {

    public static Checks of(List<Finding> findings) {
        return new Checks(
                findings.stream()
                        .sorted((a, b) -> Boolean.compare(b.blocks(), a.blocks()))
                        .toList(),
                findings.stream().noneMatch(Finding::blocks));
    }
}
