package dk.kommunejob.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

@Schema(name = "AgencyInput", description = "A recruitment agency's editable fields.")
public record AgencyInput(
        @Schema(description = "Name, unique.", example = "MUUSMANN") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Website (http or https).", example = "https://www.muusmann.com")
                @URL(regexp = "^https?:.*", message = "{jobs.url}")
                @Size(max = 2000)
                String website) {}
