package dk.kommunejob.organisation;

import dk.kommunejob.common.Phones;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An employer's profile: where it is, how to reach it and the values it works by.")
public record EmployerProfile(
        @Schema(description = "Employer id.", example = "1") long id,
        @Schema(description = "Name.", example = "Albertslund Kommune") String name,
        @Schema(description = "Postal address.") Address address,
        @Schema(description = "Main phone number in E.164 form.", example = "+4543686868") String phone,
        @Schema(description = "The phone number as Danes write it.", example = "43 68 68 68") String phoneDisplay,
        @Schema(description = "Website.", example = "https://albertslund.dk") String website,
        @Schema(
                        description = "The logo's address, when the employer has given one.",
                        example = "https://albertslund.dk/logo.svg")
                String logo,
        @Schema(
                        description = "A short presentation.",
                        example = "Albertslund Kommune har ca. 28.000 indbyggere og 106 nationaliteter.")
                String about,
        @Schema(description = "The pillars of the employer's values, in its own order.") List<Value> values) {

    @Schema(name = "Address", description = "A Danish postal address.")
    public record Address(
            @Schema(description = "Building and street.", example = "Rådhuset, Nordmarks Allé 1") String street,
            @Schema(description = "Postal code.", example = "2620") String postalCode,
            @Schema(description = "Town.", example = "Albertslund") String city) {}

    @Schema(
            name = "EmployerValue",
            description = "One pillar of the values: what is valued and the behaviour that shows it.")
    public record Value(
            @Schema(description = "The pillar's name.", example = "Mod") String name,
            @Schema(
                            description = "Values text.",
                            example =
                                    "Verden og kommunen er i konstant udvikling. Krav, forventninger, rammer og opgaver forandres. Vi møder disse forandringer med mod og åbenhed.")
                    String values,
            @Schema(
                            description = "Behaviour text.",
                            example =
                                    "Vi er modige, når vi finder nye veje og når vi tør at stå fast på det der virker i vores praksis.")
                    String behaviour) {}

    static EmployerProfile of(Employer employer) {
        return new EmployerProfile(
                employer.id,
                employer.name,
                new Address(employer.street, employer.postalCode, employer.city),
                employer.phone,
                Phones.display(employer.phone),
                employer.website,
                employer.logoUrl,
                employer.about,
                employer.values.stream()
                        .map(v -> new Value(v.name, v.valuesText, v.behaviourText))
                        .toList());
    }
}
