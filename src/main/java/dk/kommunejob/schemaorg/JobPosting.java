package dk.kommunejob.schemaorg;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A schema.org JobPosting as Google's job-posting structured data reads it
 * (https://developers.google.com/search/docs/appearance/structured-data/job-posting): the required
 * properties always, the recommended ones where the posting has them.
 */
@Schema(description = "A schema.org JobPosting (JSON-LD), for a posting page's search-engine markup.")
@JsonPropertyOrder({"@context", "@type"})
public record JobPosting(
        @JsonProperty("@context") @Schema(description = "The vocabulary: schema.org.", example = "https://schema.org")
                String context,
        @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "JobPosting") String type,
        @Schema(description = "The title.", example = "Afdelingschef for Dagtilbud & Skole") String title,
        @Schema(
                        description = "The whole posting as HTML: its sections and terms.",
                        example = "<h2>Om stillingen</h2><p>...</p>")
                String description,
        @Schema(description = "When it was published.", example = "2025-04-28T09:00:00+02:00")
                OffsetDateTime datePosted,
        @Schema(
                        description = "The application deadline (past, once the posting has closed).",
                        example = "2025-05-25T23:59:59+02:00")
                OffsetDateTime validThrough,
        @Schema(description = "`FULL_TIME` or `PART_TIME`, when the working hours say.", example = "[\"FULL_TIME\"]")
                List<String> employmentType,
        @Schema(description = "The employer.") Organization hiringOrganization,
        @Schema(description = "Where the work is: the employer's address.") Place jobLocation,
        @Schema(description = "The employer's own id of the posting.") PropertyValue identifier,
        @Schema(
                        description =
                                "Whether one applies on the posting's page itself: false, applications go to `applyUrl`'s site.",
                        example = "false")
                boolean directApply,
        @Schema(
                        description =
                                "The starting pay, only when the posting states a range in structure (`pay.amount`, or its steps through the pay scale).")
                MonetaryAmount baseSalary,
        @Schema(
                        description = "The posting's page.",
                        example = "https://albertslund.dk/job/afdelingschef-for-dagtilbud-og-skole")
                String url) {

    @Schema(name = "SchemaOrgOrganization", description = "A schema.org Organization.")
    public record Organization(
            @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "Organization") String type,
            @Schema(description = "The employer's name.", example = "Albertslund Kommune") String name,
            @Schema(description = "The employer's website.", example = "https://albertslund.dk") String sameAs,
            @Schema(description = "The employer's logo, when known.", example = "https://albertslund.dk/logo.png")
                    String logo) {}

    @Schema(name = "SchemaOrgPlace", description = "A schema.org Place.")
    public record Place(
            @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "Place") String type,
            @Schema(description = "The address.") PostalAddress address) {}

    @Schema(name = "SchemaOrgPostalAddress", description = "A schema.org PostalAddress.")
    public record PostalAddress(
            @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "PostalAddress") String type,
            @Schema(description = "Building and street.", example = "Rådhuset, Nordmarks Allé 1") String streetAddress,
            @Schema(description = "Postal code.", example = "2620") String postalCode,
            @Schema(description = "Town.", example = "Albertslund") String addressLocality,
            @Schema(description = "Country, ISO 3166-1 alpha-2: always DK.", example = "DK") String addressCountry) {}

    @Schema(name = "SchemaOrgPropertyValue", description = "A schema.org PropertyValue.")
    public record PropertyValue(
            @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "PropertyValue") String type,
            @Schema(description = "Whose id it is.", example = "Albertslund Kommune") String name,
            @Schema(description = "The position's id.", example = "101") String value) {}

    @Schema(name = "SchemaOrgMonetaryAmount", description = "A schema.org MonetaryAmount.")
    public record MonetaryAmount(
            @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "MonetaryAmount")
                    String type,
            @Schema(description = "ISO 4217 currency.", example = "DKK") String currency,
            @Schema(description = "The amount and its period.") QuantitativeValue value) {}

    @Schema(name = "SchemaOrgQuantitativeValue", description = "A schema.org QuantitativeValue.")
    public record QuantitativeValue(
            @JsonProperty("@type") @Schema(description = "The schema.org type.", example = "QuantitativeValue")
                    String type,
            @Schema(description = "The amount, when it is one.", example = "45000") BigDecimal value,
            @Schema(description = "The least of a range.", example = "38000") BigDecimal minValue,
            @Schema(description = "The most of a range.", example = "45000") BigDecimal maxValue,
            @Schema(description = "`HOUR`, `MONTH` or `YEAR`.", example = "MONTH") String unitText) {}
}
