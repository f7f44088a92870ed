package dk.kommunejob.position;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.client.Caller;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Phones;
import dk.kommunejob.common.SafeHtml;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.position.PositionInput.CommitteeMemberInput;
import dk.kommunejob.position.PositionInput.ContactInput;
import dk.kommunejob.position.PositionInput.LinkInput;
import dk.kommunejob.position.PositionInput.SectionInput;
import dk.kommunejob.position.PositionInput.StageInput;
import dk.kommunejob.problem.Problems;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Position input as the service stores it, and back: checked against the rules the annotations
 * cannot express (references, dates in order, plain text), and normalised so that two inputs that
 * store the same position are equal.
 */
final class PositionInputs {

    private PositionInputs() {}

    /**
     * The input as it will be stored: phones in E.164, section HTML sanitised, the deadline in one
     * form, references checked. Two inputs that store the same position normalise to equal records.
     */
    static PositionInput normalise(Caller caller, PositionInput in) {
        Employer employer = Employer.<Employer>findByIdOptional(in.employerId())
                .orElseThrow(() ->
                        Problems.badField("employerId", Messages.text("problem.field.no-employer", in.employerId())));
        if (in.unitId() != null) {
            OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(in.unitId())
                    .filter(u -> u.employer.id.equals(employer.id))
                    .orElseThrow(() -> Problems.badField(
                            "unitId", Messages.text("problem.field.no-unit", employer.id, in.unitId())));
            if (unit.closedAt != null) {
                throw Problems.badField("unitId", Messages.text("problem.field.unit-closed", in.unitId()));
            }
        }
        Long agencyId = in.agencyId();
        if (caller.role() == ClientRole.agency) {
            if (agencyId != null && !agencyId.equals(caller.agencyId())) {
                throw Problems.badField("agencyId", Messages.text("problem.field.own-agency", caller.agencyId()));
            }
            agencyId = caller.agencyId();
        } else if (agencyId != null && Agency.findById(agencyId) == null) {
            throw Problems.badField("agencyId", Messages.text("problem.field.no-agency", agencyId));
        }
        checkPlainText(in);
        PayInput pay = PayTerms.normalise(in.pay(), in.salary());
        OffsetDateTime deadline = deadline(in.applicationDeadline(), "applicationDeadline");
        List<ContactInput> contacts = new ArrayList<>();
        List<ContactInput> given = list(in.contacts());
        for (int i = 0; i < given.size(); i++) {
            ContactInput c = given.get(i);
            String phone = null;
            if (c.phone() != null && !c.phone().isBlank()) {
                try {
                    phone = Phones.toE164(c.phone());
                } catch (IllegalArgumentException e) {
                    throw Problems.badField(
                            "contacts[%d].phone".formatted(i), Messages.text("problem.field.phone", c.phone()));
                }
            }
            contacts.add(new ContactInput(c.name(), c.role(), c.organisation(), phone, blankToNull(c.email())));
        }
        List<StageInput> stages = list(in.stages());
        for (int i = 0; i < stages.size(); i++) {
            StageInput s = stages.get(i);
            checkWallClock(s.startTime(), "stages[%d].startTime".formatted(i));
            checkWallClock(s.endTime(), "stages[%d].endTime".formatted(i));
            if (s.startTime() != null && s.endTime() != null && !s.endTime().isAfter(s.startTime())) {
                throw Problems.badField("stages[%d].endTime".formatted(i), Messages.text("problem.field.end-time"));
            }
        }
        checkDateOrder(deadline, stages, in.startDate());
        return new PositionInput(
                in.title().strip(),
                employer.id,
                in.unitId(),
                agencyId,
                in.reportsTo(),
                in.employmentTerms(),
                in.workingHours(),
                null, // `salary` is only an input's old name for pay.text
                pay,
                in.pension(),
                in.startDate(),
                in.startText(),
                deadline == null ? null : deadlineText(deadline),
                in.applyUrl(),
                list(in.sections()).stream()
                        .map(s -> new SectionInput(s.heading(), SafeHtml.sanitize(s.body())))
                        .toList(),
                list(in.hiringCommittee()),
                list(in.links()),
                contacts,
                stages);
    }

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");

    /** Only section texts may carry (safe) HTML; every other field is plain text, never markup. */
    private static void checkPlainText(PositionInput in) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", in.title());
        fields.put("reportsTo", in.reportsTo());
        fields.put("employmentTerms", in.employmentTerms());
        fields.put("workingHours", in.workingHours());
        fields.put("salary", in.salary());
        PayInput pay = in.pay() == null ? PayInput.NONE : in.pay();
        fields.put("pay.text", pay.text());
        fields.put("pay.agreement", pay.agreement());
        List<PayInput.Supplement> supplements = pay.supplements() == null ? List.of() : pay.supplements();
        for (int i = 0; i < supplements.size(); i++) {
            fields.put(
                    "pay.supplements[%d].text".formatted(i), supplements.get(i).text());
        }
        fields.put("pension", in.pension());
        fields.put("startText", in.startText());
        List<CommitteeMemberInput> committee = list(in.hiringCommittee());
        for (int i = 0; i < committee.size(); i++) {
            fields.put("hiringCommittee[%d].name".formatted(i), committee.get(i).name());
            fields.put("hiringCommittee[%d].role".formatted(i), committee.get(i).role());
        }
        List<LinkInput> links = list(in.links());
        for (int i = 0; i < links.size(); i++) {
            fields.put("links[%d].title".formatted(i), links.get(i).title());
        }
        List<SectionInput> sections = list(in.sections());
        for (int i = 0; i < sections.size(); i++) {
            fields.put("sections[%d].heading".formatted(i), sections.get(i).heading());
        }
        List<ContactInput> contacts = list(in.contacts());
        for (int i = 0; i < contacts.size(); i++) {
            fields.put("contacts[%d].name".formatted(i), contacts.get(i).name());
            fields.put("contacts[%d].role".formatted(i), contacts.get(i).role());
            fields.put("contacts[%d].organisation".formatted(i), contacts.get(i).organisation());
        }
        List<StageInput> stages = list(in.stages());
        for (int i = 0; i < stages.size(); i++) {
            fields.put("stages[%d].label".formatted(i), stages.get(i).label());
            fields.put("stages[%d].location".formatted(i), stages.get(i).location());
            fields.put("stages[%d].note".formatted(i), stages.get(i).note());
        }
        fields.forEach((field, text) -> {
            if (text != null && MARKUP.matcher(text).find()) {
                throw Problems.badField(field, Messages.text("problem.field.plain-text"));
            }
        });
    }

    /** The deadline comes before the first interview, and the interviews before the start date. */
    private static void checkDateOrder(OffsetDateTime deadline, List<StageInput> stages, LocalDate startDate) {
        LocalDate deadlineDate = deadline == null
                ? null
                : deadline.atZoneSameInstant(Copenhagen.ZONE).toLocalDate();
        if (deadlineDate != null && startDate != null && !startDate.isAfter(deadlineDate)) {
            throw Problems.badField("startDate", Messages.text("problem.field.start-after-deadline", deadlineDate));
        }
        for (int i = 0; i < stages.size(); i++) {
            LocalDate date = stages.get(i).date();
            if (date == null) {
                continue;
            }
            if (deadlineDate != null && date.isBefore(deadlineDate)) {
                throw Problems.badField(
                        "stages[%d].date".formatted(i),
                        Messages.text("problem.field.stage-after-deadline", deadlineDate));
            }
            if (startDate != null && !date.isBefore(startDate)) {
                throw Problems.badField(
                        "stages[%d].date".formatted(i), Messages.text("problem.field.stage-before-start", startDate));
            }
        }
    }

    static OffsetDateTime deadline(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10
                    ? Copenhagen.endOfDay(LocalDate.parse(text))
                    : OffsetDateTime.parse(text)
                            .atZoneSameInstant(Copenhagen.ZONE)
                            .toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw Problems.badField(field, Messages.text("problem.field.deadline", text));
        }
    }

    /** A deadline at the last second of its day is shown as that date; others as a date-time. */
    private static String deadlineText(OffsetDateTime deadline) {
        OffsetDateTime local = Copenhagen.local(deadline);
        LocalDate date = local.toLocalDate();
        return Copenhagen.endOfDay(date).equals(local) ? date.toString() : local.toString();
    }

    static PositionInput toInput(Position p, PayInput pay) {
        return new PositionInput(
                p.title,
                p.employer.id,
                p.unit == null ? null : p.unit.id,
                p.agency == null ? null : p.agency.id,
                p.reportsTo,
                p.employmentTerms,
                p.workingHours,
                null,
                pay,
                p.pension,
                p.startDate,
                p.startText,
                p.applicationDeadline == null ? null : deadlineText(p.applicationDeadline),
                p.applyUrl,
                p.sections.stream()
                        .map(s -> new SectionInput(s.heading, s.body))
                        .toList(),
                p.hiringCommittee.stream()
                        .map(m -> new CommitteeMemberInput(m.name, m.role))
                        .toList(),
                p.links.stream().map(l -> new LinkInput(l.title, l.url)).toList(),
                p.contacts.stream()
                        .map(c -> new ContactInput(c.name, c.role, c.organisation, c.phone, c.email))
                        .toList(),
                p.stages.stream()
                        .map(s -> new StageInput(s.kind, s.label, s.date, s.startTime, s.endTime, s.location, s.note))
                        .toList());
    }

    /** Jackson reads fractions of a second too; the contract's times are HH:mm or HH:mm:ss. */
    private static void checkWallClock(LocalTime time, String field) {
        if (time != null && time.getNano() != 0) {
            throw Problems.badField(field, Messages.text("problem.field.time-fraction"));
        }
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
