package dk.kommunejob.facet;

import dk.kommunejob.language.Messages;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Counts for one filter of the list, as a filter panel shows them.")
public record Facet(
        @Schema(description = "The filter: also the query parameter that chooses a value.", example = "unit") Name name,
        @Schema(description = "The filter's name in the answer's language.", example = "Enhed") String label,
        @Schema(description = "The values with matches, most matches first.") List<Value> values) {

    @Schema(name = "FacetName", description = "A filter the list can count by.")
    public enum Name {
        unit,
        agency,
        employer,
        hours,
        pay
    }

    @Schema(name = "FacetValue", description = "One value of a filter and how many positions it would give.")
    public record Value(
            @Schema(description = "What to pass as the filter's query parameter.", example = "12") String value,
            @Schema(
                            description = "The value's name (a unit's, an agency's...) in the answer's language.",
                            example = "Dagtilbud & Skole")
                    String label,
            @Schema(
                            description = "How many positions match the other filters and this value: the total of the "
                                    + "list with this value chosen.",
                            example = "4")
                    long count) {}

    public static Facet of(Name name, List<Value> values) {
        return new Facet(name, Messages.text("facet." + name), values);
    }
}
