package dk.kommunejob.client;

import dk.kommunejob.common.QueryParams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewClient", description = "A client to create. Its key is generated and shown once, in the answer.")
public record ClientInput(
        @Schema(description = "Who the client is, for people reading the history.", example = "MUUSMANN portal")
                @NotBlank
                @Size(max = 200)
                String name,
        @Schema(description = "What the client may do.", example = "agency", maxLength = 10) @NotNull ClientRole role,
        @Schema(
                        description = "The agency an `agency` client acts for; absent for the others.",
                        example = "1",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long agencyId,
        @Schema(
                        description =
                                "The employer an `editor` client edits; absent for the others. An editor creating "
                                        + "an editor may leave it out: the new one edits the same employer.",
                        example = "1",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long employerId) {}
