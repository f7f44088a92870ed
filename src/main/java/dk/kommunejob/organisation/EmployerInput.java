package dk.kommunejob.organisation;

import dk.kommunejob.pay.PayTransparency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

@Schema(
        name = "EmployerInput",
        description = "An employer's editable profile and public settings, as POST and PUT take them and GET "
                + ".../editable gives them.")
public record EmployerInput(
        @Schema(description = "Name, unique.", example = "Albertslund Kommune") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Postal address.") @NotNull @Valid AddressInput address,
        @Schema(description = "Main phone number, as Danes write it or in E.164.", example = "43 68 68 68")
                @NotBlank
                @Size(max = 40)
                String phone,
        @Schema(description = "Website (http or https).", example = "https://albertslund.dk")
                @URL(regexp = "^https?:.*", message = "{jobs.url}")
                @Size(max = 2000)
                String website,
        @Schema(
                        description = "The logo's address (https), for search engines' job-posting markup.",
                        example = "https://albertslund.dk/logo.svg")
                @URL(regexp = "^https:.*", message = "{jobs.https-url}")
                @Size(max = 2000)
                String logo,
        @Schema(
                        description = "A short presentation.",
                        example = "Albertslund Kommune har ca. 28.000 indbyggere og 106 nationaliteter.")
                @Size(max = 5000)
                String about,
        @Schema(description = "The pillars of the employer's values, in its own order.", maxItems = 20) @Size(max = 20)
                List<@Valid @NotNull ValueInput> values,
        @Schema(
                        description = "A posting's page on the employer's website, `{slug}` standing for the posting's "
                                + "slug; feeds, calendars and search-engine markup link there. The deployment's "
                                + "JOBS_POSTING_PAGE_URL when left out.",
                        example = "https://albertslund.dk/job/{slug}")
                @Pattern(regexp = "https?://.*\\{slug}.*", message = "{jobs.slug-template}")
                @Size(max = 2000)
                String postingPageUrl,
        @Schema(
                        description = "The employer's website origins, whose pages may call the API from the browser "
                                + "(CORS), beside the deployment's JOBS_CORS_ORIGINS.",
                        example = "[\"https://albertslund.dk\"]",
                        maxItems = 20)
                @Size(max = 20)
                List<@NotBlank @Size(max = 200) String> websiteOrigins,
        @Schema(
                        description = "Whether the employer's postings must state their starting pay to be published "
                                + "(README, \"Pay transparency\"); `recommended` when left out.",
                        enumeration = {"recommended", "required"},
                        example = "required")
                PayTransparency payTransparency) {

    @Schema(name = "AddressInput", description = "A Danish postal address.")
    public record AddressInput(
            @Schema(description = "Building and street.", example = "Rådhuset, Nordmarks Allé 1")
                    @NotBlank
                    @Size(max = 200)
                    String street,
            @Schema(description = "Postal code, four digits.", example = "2620", maxLength = 4)
                    @NotBlank
                    @Pattern(regexp = "\\d{4}", message = "{jobs.postal-code}")
                    String postalCode,
            @Schema(description = "Town.", example = "Albertslund") @NotBlank @Size(max = 100) String city) {}

    @Schema(name = "EmployerValueInput", description = "One pillar of the values.")
    public record ValueInput(
            @Schema(description = "The pillar's name.", example = "Mod") @NotBlank @Size(max = 100) String name,
            @Schema(description = "What is valued.", example = "Vi møder forandringer med mod og åbenhed.")
                    @NotBlank
                    @Size(max = 5000)
                    String values,
            @Schema(description = "The behaviour that shows it.", example = "Vi er modige, når vi finder nye veje.")
                    @NotBlank
                    @Size(max = 5000)
                    String behaviour) {}

    static EmployerInput of(Employer e) {
        return new EmployerInput(
                e.name,
                new AddressInput(e.street, e.postalCode, e.city),
                e.phone,
                e.website,
                e.logoUrl,
                e.about,
                e.values.stream()
                        .map(v -> new ValueInput(v.name, v.valuesText, v.behaviourText))
                        .toList(),
                e.postingPageUrl,
                List.of(e.websiteOrigins),
                e.payTransparency);
    }
}
