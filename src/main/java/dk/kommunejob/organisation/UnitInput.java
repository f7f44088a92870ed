package dk.kommunejob.organisation;

import dk.kommunejob.common.QueryParams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "UnitInput",
        description = "A unit's editable fields. PUT renames it, moves it in the tree (another `parentId`) or changes "
                + "its level; a unit stays with its employer.")
public record UnitInput(
        @Schema(
                        description = "The employer; an editor may leave it out (its own).",
                        example = "1",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long employerId,
        @Schema(
                        description = "The unit it is under; a top-level unit when left out.",
                        example = "12",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long parentId,
        @Schema(description = "Name.", example = "Dagtilbud & Skole") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Level in the hierarchy.", example = "department", maxLength = 11) @NotNull
                UnitLevel level) {}
