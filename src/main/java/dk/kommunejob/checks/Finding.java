package dk.kommunejob.checks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something an editor should know about a posting before it goes out, in the caller's language. */
@Schema(description = "A finding of a posting's checks.")
public record Finding(
        @Schema(
                        description = "What was found: `pay-not-stated`, `gendered-wording` or `deadline-soon`.",
                        example = "gendered-wording")
                String code,
        @Schema(description = "The field it is in, as the editable view names it.", example = "title") String field,
        @Schema(description = "`error` blocks publishing; `warning` does not.", example = "warning") Severity severity,
        @Schema(description = "What is wrong, in the answer's language.", example = "'Formand' nævner ét køn.")
                String message,
        @Schema(
                        description = "What to write instead, where there is a suggestion.",
                        example = "Skriv i stedet: forperson eller leder.")
                String suggestion) {

    @Schema(name = "FindingSeverity", description = "Whether a finding blocks publishing.")
    public enum Severity {
        error,
        warning
    }

    public boolean blocks() {
        return severity == Severity.error;
    }
}
