package dk.kommunejob.position;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Ref;
import dk.kommunejob.pay.Pay;
import dk.kommunejob.search.Match;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A position as listings show it.")
public record PositionSummary(
        @Schema(description = "Position id.", example = "101") long id,
        @Schema(
                        description = "URL slug; the position can be fetched by it.",
                        example = "afdelingschef-for-dagtilbud-og-skole")
                String slug,
        @Schema(description = "Title.", example = "Afdelingschef for Dagtilbud & Skole") String title,
        @Schema(description = "The organisation unit the position belongs to.") Ref unit,
        @Schema(description = "The employer.") Ref employer,
        @Schema(description = "The recruitment agency running the search, if any.") Ref agency,
        @Schema(
                        description = "Last moment applications are accepted, Copenhagen time.",
                        example = "2025-05-25T23:59:59+02:00")
                OffsetDateTime applicationDeadline,
        @Schema(description = "Whether it still takes applications.", example = "open") PublicStatus status,
        @Schema(description = "The status in the answer's language.", example = "Åben") String statusLabel,
        @Schema(description = "Full or part time, when the working hours say.", example = "full_time") Hours hours,
        @Schema(description = "The hours in the answer's language.", example = "Fuld tid") String hoursLabel,
        @Schema(description = "When it was published.", example = "2025-04-28T09:00:00+02:00")
                OffsetDateTime publishedAt,
        @Schema(description = "When it last changed.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime updatedAt,
        @Schema(description = "Its pay: as worded, in structure and summed up in one line.") Pay pay,
        @Schema(description = "Only in a search (`q`): where it matched.") Match match) {

    PositionSummary(
            long id,
            String slug,
            String title,
            Ref unit,
            Ref employer,
            Ref agency,
            OffsetDateTime applicationDeadline,
            PublicStatus status,
            Hours hours,
            OffsetDateTime publishedAt,
            OffsetDateTime updatedAt,
            Pay pay) {
        this(
                id,
                slug,
                title,
                unit,
                employer,
                agency,
                applicationDeadline,
                status,
                status.label(),
                hours,
                hours == null ? null : hours.label(),
                publishedAt,
                updatedAt,
                pay,
                null);
    }

    PositionSummary withExcerpt(Match.Excerpt excerpt) {
        return withMatch(new Match(List.of(), excerpt));
    }

    PositionSummary withTitleMarks(List<Match.Span> title) {
        return withMatch(new Match(title, match == null ? null : match.excerpt()));
    }

    private PositionSummary withMatch(Match m) {
        return new PositionSummary(
                id,
                slug,
                title,
                unit,
                employer,
                agency,
                applicationDeadline,
                status,
                statusLabel,
                hours,
                hoursLabel,
                publishedAt,
                updatedAt,
                pay,
                m);
    }

    public static PositionSummary of(Position p, Pay pay, OffsetDateTime now) {
        return new PositionSummary(
                p.id,
                p.slug,
                p.title,
                new Ref(p.unit.id, p.unit.name),
                new Ref(p.employer.id, p.employer.name),
                p.agency == null ? null : new Ref(p.agency.id, p.agency.name),
                Copenhagen.local(p.applicationDeadline),
                PositionService.statusOf(p, now),
                p.hours,
                Copenhagen.local(p.publishedAt),
                Copenhagen.local(p.updatedAt),
                pay);
    }
}
