package dk.kommunejob.organisation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit", description = "An organisation unit with the units under it.")
public record UnitNode(
        @Schema(
                        description = "Unit id; filter positions with `unit` to get this unit and all under it.",
                        example = "12")
                long id,
        @Schema(description = "Name.", example = "Dagtilbud & Skole") String name,
        @Schema(description = "Level in the hierarchy.", example = "department") UnitLevel level,
        @Schema(description = "Id of the employer the unit belongs to.", example = "1") long employerId,
        @Schema(description = "The units directly under this one, by name.") List<UnitNode> children) {}
