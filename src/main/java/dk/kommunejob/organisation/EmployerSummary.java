package dk.kommunejob.organisation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An employer in a list.")
public record EmployerSummary(
        @Schema(description = "Employer id.", example = "1") long id,
        @Schema(description = "Name.", example = "Albertslund Kommune") String name,
        @Schema(description = "Website.", example = "https://albertslund.dk") String website) {

    static EmployerSummary of(Employer employer) {
        return new EmployerSummary(employer.id, employer.name, employer.website);
    }
}
