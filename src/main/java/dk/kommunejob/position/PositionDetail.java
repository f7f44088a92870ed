package dk.kommunejob.position;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Ref;
import dk.kommunejob.common.SafeHtml;
import dk.kommunejob.contact.ContactView;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.pay.Pay;
import dk.kommunejob.stage.StageView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A position with everything its posting says.")
public record PositionDetail(
        @Schema(description = "Position id.", example = "101") long id,
        @Schema(description = "URL slug.", example = "afdelingschef-for-dagtilbud-og-skole") String slug,
        @Schema(description = "Title.", example = "Afdelingschef for Dagtilbud & Skole") String title,
        @Schema(description = "Whether it still takes applications.", example = "open") PublicStatus status,
        @Schema(description = "The status in the answer's language.", example = "Åben") String statusLabel,
        @Schema(
                        description =
                                "Where it is in its life: `draft` and `withdrawn` postings are seen only by their writers.",
                        example = "published")
                PositionStatus state,
        @Schema(description = "The employer.") Ref employer,
        @Schema(description = "The organisation unit the position belongs to (a draft may have none yet).") Ref unit,
        @Schema(
                        description =
                                "The unit's place in the organisation, from the top (directorate) down to the unit itself.")
                List<Ref> unitPath,
        @Schema(description = "The recruitment agency running the search, if any.") Ref agency,
        @Schema(description = "Who the position reports to.", example = "Direktøren for Børn, Sundhed & Velfærd")
                String reportsTo,
        @Schema(
                        description = "Employment terms.",
                        example = "Løn og ansættelsesforhold i henhold til gældende overenskomst.")
                String employmentTerms,
        @Schema(description = "Working hours, as the posting words them.", example = "Fuld tid") String workingHours,
        @Schema(description = "Full or part time, when the working hours say.", example = "full_time") Hours hours,
        @Schema(description = "The hours in the answer's language.", example = "Fuld tid") String hoursLabel,
        @Schema(
                        description = "Deprecated: `pay.text` by its old name, for one version more.",
                        deprecated = true,
                        example = "Efter forhandling med den forhandlingsberettigede organisation")
                String salary,
        @Schema(description = "Pay: as the posting words it, in structure, and what it comes to.") Pay pay,
        @Schema(description = "Pension.", example = "19,55 %") String pension,
        @Schema(description = "Start date, when the posting gives one.", example = "2025-08-01") LocalDate startDate,
        @Schema(description = "Start as the posting words it, when that is not just a date.", example = "Efter aftale")
                String startText,
        @Schema(
                        description = "Last moment applications are accepted, Copenhagen time.",
                        example = "2025-05-25T23:59:59+02:00")
                OffsetDateTime applicationDeadline,
        @Schema(description = "Where to apply.", example = "https://www.muusmann.com/stillinger") String applyUrl,
        @Schema(description = "When it was published.", example = "2025-04-28T09:00:00+02:00")
                OffsetDateTime publishedAt,
        @Schema(description = "When it last changed.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime updatedAt,
        @Schema(description = "The posting's text in its headed sections, in order.") List<SectionView> sections,
        @Schema(description = "The hiring committee, in the posting's order.")
                List<CommitteeMemberView> hiringCommittee,
        @Schema(description = "Links and attachments.") List<LinkView> links,
        @Schema(description = "Earlier deadlines, when the deadline was extended, oldest first.")
                List<DeadlineChangeView> deadlineHistory,
        @Schema(description = "Contacts, in the posting's order.") List<ContactView> contacts,
        @Schema(description = "The recruitment process, in order.") List<StageView> stages) {

    @Schema(name = "Section", description = "A headed part of the posting's text.")
    public record SectionView(
            @Schema(description = "Heading.", example = "Hovedopgaver") String heading,
            @Schema(
                            description = "Plain text; paragraphs are separated by a blank line.",
                            example = "Afdelingschefen for Dagtilbud & Skole har en afgørende rolle ...")
                    String body,
            @Schema(
                            description =
                                    "The text as HTML for a web page: plain text's paragraphs as `p` and its line "
                                            + "breaks as `br`, escaped; markup kept to the safe subset (paragraphs, line breaks, "
                                            + "emphasis, lists, http(s) links with `rel=\"nofollow\"`), sanitised.",
                            example = "<p>Afdelingschefen for Dagtilbud &amp; Skole har en afgørende rolle ...</p>")
                    String html) {

        static SectionView of(String heading, String body) {
            return new SectionView(heading, body, SafeHtml.paragraphs(body));
        }
    }

    @Schema(name = "CommitteeMember", description = "A member of the hiring committee.")
    public record CommitteeMemberView(
            @Schema(description = "Name.", example = "Nanna Bengtsson") String name,
            @Schema(description = "The role they sit in.", example = "enhedsleder i Dagtilbud & Skole") String role) {}

    @Schema(name = "Link", description = "A link or attachment.")
    public record LinkView(
            @Schema(description = "What it is.", example = "Skolepolitik 2023-2026") String title,
            @Schema(
                            description = "Where it is.",
                            example = "https://albertslund.dk/media/iujppose/skolepolitik-2023-2026.pdf")
                    String url) {}

    @Schema(name = "DeadlineChange", description = "A deadline moved later.")
    public record DeadlineChangeView(
            @Schema(description = "The deadline before.", example = "2025-05-25T23:59:59+02:00")
                    OffsetDateTime previousDeadline,
            @Schema(description = "The deadline after.", example = "2025-06-01T23:59:59+02:00")
                    OffsetDateTime newDeadline,
            @Schema(description = "When it was moved.", example = "2025-05-20T10:15:00+02:00")
                    OffsetDateTime changedAt) {}

    static PositionDetail of(Position p, Pay pay, OffsetDateTime now) {
        return new PositionDetail(
                p.id,
                p.slug,
                p.title,
                PositionService.statusOf(p, now),
                PositionService.statusOf(p, now).label(),
                p.status,
                new Ref(p.employer.id, p.employer.name),
                p.unit == null ? null : new Ref(p.unit.id, p.unit.name),
                path(p.unit),
                p.agency == null ? null : new Ref(p.agency.id, p.agency.name),
                p.reportsTo,
                p.employmentTerms,
                p.workingHours,
                p.hours,
                p.hours == null ? null : p.hours.label(),
                pay.text(),
                pay,
                p.pension,
                p.startDate,
                p.startText,
                // Drafts may lack a deadline and have no publication time yet.
                p.applicationDeadline == null ? null : Copenhagen.local(p.applicationDeadline),
                p.applyUrl,
                p.publishedAt == null ? null : Copenhagen.local(p.publishedAt),
                Copenhagen.local(p.updatedAt),
                p.sections.stream().map(s -> SectionView.of(s.heading, s.body)).toList(),
                p.hiringCommittee.stream()
                        .map(m -> new CommitteeMemberView(m.name, m.role))
                        .toList(),
                p.links.stream().map(l -> new LinkView(l.title, l.url)).toList(),
                p.deadlineChanges.stream()
                        .map(d -> new DeadlineChangeView(
                                Copenhagen.local(d.previousDeadline),
                                Copenhagen.local(d.newDeadline),
                                Copenhagen.local(d.changedAt)))
                        .toList(),
                p.contacts.stream().map(ContactView::of).toList(),
                p.stages.stream().map(StageView::of).toList());
    }

    private static List<Ref> path(OrgUnit unit) {
        List<Ref> path = new ArrayList<>();
        for (OrgUnit u = unit; u != null; u = u.parent) {
            path.add(new Ref(u.id, u.name));
        }
        Collections.reverse(path);
        return path;
    }
}
