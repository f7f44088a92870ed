package dk.kommunejob.engagement;

import dk.kommunejob.common.Ref;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Engagement", description = "An employer's engagement of a recruitment agency.")
public record EngagementView(
        @Schema(description = "Engagement id.", example = "51") long id,
        @Schema(description = "The employer.") Ref employer,
        @Schema(description = "The agency.") Ref agency,
        @Schema(description = "The first day.", example = "2025-04-01") LocalDate startsOn,
        @Schema(description = "The last day, included; absent while open-ended.", example = "2025-12-31")
                LocalDate endsOn,
        @Schema(description = "Whether the agency may act for the employer today.", example = "true") boolean active) {

    static EngagementView of(Engagement e, LocalDate today) {
        return new EngagementView(
                e.id,
                new Ref(e.employer.id, e.employer.name),
                new Ref(e.agency.id, e.agency.name),
                e.startsOn,
                e.endsOn,
                e.activeOn(today));
    }
}
