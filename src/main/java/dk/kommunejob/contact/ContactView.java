package dk.kommunejob.contact;

import dk.kommunejob.common.Phones;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact", description = "Someone applicants may contact about the position, in the posting's order.")
public record ContactView(
        @Schema(description = "Contact id.", example = "251") long id,
        @Schema(description = "Full name.", example = "Lise Valentin Bayer") String name,
        @Schema(description = "Role or title.", example = "Direktør for Børn, Sundhed & Velfærd") String role,
        @Schema(description = "Organisation the contact belongs to.", example = "Albertslund Kommune")
                String organisation,
        @Schema(description = "Phone number in E.164 form.", example = "+4520337091") String phone,
        @Schema(description = "The phone number as Danes write it.", example = "20 33 70 91") String phoneDisplay,
        @Schema(description = "E-mail address, when the posting gives one.", example = "lvb@albertslund.dk")
                String email) {

    public static ContactView of(Contact contact) {
        return new ContactView(
                contact.id,
                contact.name,
                contact.role,
                contact.organisation,
                contact.phone,
                Phones.display(contact.phone),
                contact.email);
    }
}
