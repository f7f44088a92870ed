package dk.kommunejob.sample;

import dk.kommunejob.organisation.UnitLevel;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.stage.StageKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The shape of a sample file: src/main/resources/sample/albertslund.json, the seed postings as their documents state
 * them, and eksempelkommune.json, a plainly made-up second employer.
 */
record SampleFile(EmployerData employer, List<AgencyData> agencies, List<PositionData> positions) {

    record EmployerData(
            String name,
            String street,
            String postalCode,
            String city,
            String phone,
            String website,
            String logo,
            String about,
            String postingPageUrl,
            List<String> websiteOrigins,
            /** Agencies the employer engages, by name, beside those its postings name. */
            List<String> engages,
            List<ValueData> values,
            List<UnitData> units) {}

    record ValueData(String name, String values, String behaviour) {}

    record UnitData(String name, UnitLevel level, List<UnitData> children) {}

    record AgencyData(String name, String website) {}

    /** `unit` and `agency` are names; a date-only deadline closes at the end of that Copenhagen day. */
    record PositionData(
            String slug,
            String title,
            String unit,
            String agency,
            String reportsTo,
            String employmentTerms,
            String workingHours,
            String salary,
            PayInput pay,
            String pension,
            LocalDate startDate,
            String startText,
            LocalDate applicationDeadline,
            String applyUrl,
            OffsetDateTime publishedAt,
            List<ContactData> contacts,
            List<StageData> stages,
            List<SectionData> sections,
            List<MemberData> hiringCommittee,
            List<LinkData> links) {}

    record ContactData(String name, String role, String organisation, String phone, String email) {}

    record StageData(
            StageKind kind,
            String label,
            LocalDate date,
            LocalTime startTime,
            LocalTime endTime,
            String location,
            String note) {}

    record SectionData(String heading, String body) {}

    record MemberData(String name, String role) {}

    record LinkData(String title, String url) {}
}
