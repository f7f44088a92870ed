package dk.kommunejob.organisation;

import dk.kommunejob.common.Copenhagen;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitWritten", description = "A unit as written: where it is in the tree, and whether it is closed.")
public record UnitView(
        @Schema(description = "Unit id.", example = "12") long id,
        @Schema(description = "Its employer.", example = "1") long employerId,
        @Schema(description = "The unit it is under; absent at the top.", example = "3") Long parentId,
        @Schema(description = "Name.", example = "Dagtilbud & Skole") String name,
        @Schema(description = "Level in the hierarchy.", example = "department") UnitLevel level,
        @Schema(
                        description = "When it was closed; absent while open. Closed units leave the public tree.",
                        example = "2025-09-01T12:00:00+02:00")
                OffsetDateTime closedAt) {

    static UnitView of(OrgUnit u) {
        return new UnitView(
                u.id,
                u.employer.id,
                u.parent == null ? null : u.parent.id,
                u.name,
                u.level,
                u.closedAt == null ? null : Copenhagen.local(u.closedAt));
    }
}
