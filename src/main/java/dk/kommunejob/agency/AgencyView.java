package dk.kommunejob.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agency", description = "A recruitment agency that runs searches for employers.")
public record AgencyView(
        @Schema(description = "Agency id.", example = "1") long id,
        @Schema(description = "Name.", example = "MUUSMANN") String name,
        @Schema(description = "Website.", example = "https://www.muusmann.com") String website) {

    public static AgencyView of(Agency agency) {
        return new AgencyView(agency.id, agency.name, agency.website);
    }
}
