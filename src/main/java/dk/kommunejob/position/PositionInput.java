package dk.kommunejob.position;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.stage.StageKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/**
 * What a writer may set on a position. Nothing the server owns (id, slug, status, timestamps, who
 * wrote it, an agency client's agency) is here, and unknown fields are refused.
 */
@Schema(
        name = "EditablePosition",
        description = "The editable fields of a position: what PUT and POST take and GET .../editable answers.")
public record PositionInput(
        @Schema(description = "Title.", example = "Afdelingschef for Dagtilbud & Skole") @NotBlank @Size(max = 200)
                String title,
        @Schema(description = "Employer id.", example = "1", minimum = "1", maximum = QueryParams.MAX_ID) @NotNull
                Long employerId,
        @Schema(
                        description = "Unit id (one of the employer's); required to publish.",
                        example = "2",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID)
                Long unitId,
        @Schema(
                        description =
                                "Recruitment agency id. Editors may set it; an agency client's postings are always its own agency's.",
                        minimum = "1",
                        maximum = QueryParams.MAX_ID,
                        example = "1")
                Long agencyId,
        @Schema(description = "Who the position reports to.", example = "Direktøren for Børn, Sundhed & Velfærd")
                @Size(max = 300)
                String reportsTo,
        @Schema(
                        description = "Employment terms.",
                        example = "Løn og ansættelsesforhold i henhold til gældende overenskomst.")
                @Size(max = 2000)
                String employmentTerms,
        @Schema(description = "Working hours.", example = "37 timer om ugen") @Size(max = 200) String workingHours,
        @Schema(
                        description = "Deprecated: `pay.text` by its old name, taken as it for one version more. Give "
                                + "`pay` instead.",
                        deprecated = true,
                        example = "Efter forhandling")
                @Size(max = 500)
                String salary,
        @Schema(description = "Pay: its wording, and the starting pay or range in structure.") @Valid PayInput pay,
        @Schema(description = "Pension.", example = "19,55 %") @Size(max = 200) String pension,
        @Schema(description = "Start date.", example = "2025-08-01", maxLength = 10) LocalDate startDate,
        @Schema(description = "Start in words, when not just a date.", example = "Efter aftale") @Size(max = 200)
                String startText,
        @Schema(
                        type = SchemaType.STRING,
                        description =
                                "Application deadline: a date (closes at the end of that Copenhagen day) or a date-time with offset. Required to publish.",
                        maxLength = 40,
                        example = "2025-05-25")
                @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}(T.+)?", message = "{jobs.deadline}")
                String applicationDeadline,
        @Schema(
                        description = "Where to apply (http or https). Required to publish.",
                        example = "https://www.muusmann.com/stillinger")
                @URL(regexp = "^https?:.*", message = "{jobs.url}")
                @Size(max = 2000)
                String applyUrl,
        @Schema(description = "Text sections, in order.") @Size(max = 30) List<@Valid @NotNull SectionInput> sections,
        @Schema(description = "Hiring committee, in order.") @Size(max = 40)
                List<@Valid @NotNull CommitteeMemberInput> hiringCommittee,
        @Schema(description = "Links and attachments.") @Size(max = 50) List<@Valid @NotNull LinkInput> links,
        @Schema(description = "Contacts, in order; at least one to publish.") @Size(max = 20)
                List<@Valid @NotNull ContactInput> contacts,
        @Schema(description = "Recruitment process stages, in order.") @Size(max = 20)
                List<@Valid @NotNull StageInput> stages) {

    /** The same input, acting for this agency. */
    public PositionInput withAgency(Long agency) {
        return new PositionInput(
                title,
                employerId,
                unitId,
                agency,
                reportsTo,
                employmentTerms,
                workingHours,
                salary,
                pay,
                pension,
                startDate,
                startText,
                applicationDeadline,
                applyUrl,
                sections,
                hiringCommittee,
                links,
                contacts,
                stages);
    }

    @Schema(name = "SectionInput", description = "A headed text section.")
    public record SectionInput(
            @Schema(description = "Heading.", example = "Hovedopgaver") @NotBlank @Size(max = 200) String heading,
            @Schema(
                            description =
                                    "Text; a small HTML subset (p, br, strong, em, ul, ol, li, a) is kept, anything else removed.",
                            example = "Du får ansvar for ...")
                    @NotBlank
                    @Size(max = 50000)
                    String body) {}

    @Schema(name = "CommitteeMemberInput", description = "A hiring committee member.")
    public record CommitteeMemberInput(
            @Schema(description = "Name.", example = "Nanna Bengtsson") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Role.", example = "enhedsleder i Dagtilbud & Skole") @NotBlank @Size(max = 300)
                    String role) {}

    @Schema(name = "LinkInput", description = "A link or attachment.")
    public record LinkInput(
            @Schema(description = "Title.", example = "Skolepolitik 2023-2026") @NotBlank @Size(max = 300) String title,
            @Schema(description = "http or https URL.", example = "https://albertslund.dk/media/skolepolitik.pdf")
                    @NotBlank
                    @URL(regexp = "^https?:.*", message = "{jobs.url}")
                    @Size(max = 2000)
                    String url) {}

    @Schema(name = "ContactInput", description = "A contact person.")
    public record ContactInput(
            @Schema(description = "Name.", example = "Lise Valentin Bayer") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Role or title.", example = "Direktør for Børn, Sundhed & Velfærd") @Size(max = 300)
                    String role,
            @Schema(description = "Organisation.", example = "Albertslund Kommune") @Size(max = 200)
                    String organisation,
            @Schema(
                            description = "Phone, any common Danish writing (\"20 33 70 91\", \"+45 2033 7091\").",
                            example = "20 33 70 91")
                    @Size(max = 40)
                    String phone,
            @Schema(description = "E-mail.", example = "lvb@albertslund.dk") @Email @Size(max = 320) String email) {}

    @Schema(name = "StageInput", description = "A step of the recruitment process.")
    public record StageInput(
            @Schema(description = "Kind of step.", example = "first_interview", maxLength = 20) @NotNull StageKind kind,
            @Schema(description = "The step as the posting names it.", example = "1. samtaler")
                    @NotBlank
                    @Size(max = 200)
                    String label,
            @Schema(description = "Date (Copenhagen).", example = "2025-06-02", maxLength = 10) LocalDate date,
            @Schema(
                            type = SchemaType.STRING,
                            implementation = String.class,
                            pattern = Copenhagen.TIME_PATTERN,
                            maxLength = 8,
                            description = "Start time, Copenhagen wall-clock time: HH:mm or HH:mm:ss, no offset.",
                            example = "09:00")
                    LocalTime startTime,
            @Schema(
                            type = SchemaType.STRING,
                            implementation = String.class,
                            pattern = Copenhagen.TIME_PATTERN,
                            maxLength = 8,
                            description = "End time, after the start; HH:mm or HH:mm:ss, no offset.",
                            example = "14:00")
                    LocalTime endTime,
            @Schema(description = "Where.", example = "Albertslund") @Size(max = 300) String location,
            @Schema(
                            description = "What candidates should know.",
                            example = "Der skal afsættes 3-4 timer til testforløbet.")
                    @Size(max = 2000)
                    String note) {}
}
