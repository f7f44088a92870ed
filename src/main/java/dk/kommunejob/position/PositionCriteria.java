package dk.kommunejob.position;

import dk.kommunejob.facet.Facet;
import dk.kommunejob.pay.PayFilter;
import java.time.LocalDate;

/**
 * What a position list asks for. Null means "not filtered"; a null sort means by relevance when
 * searching and by deadline otherwise.
 */
public record PositionCriteria(
        String q,
        Long unitId,
        Long employerId,
        Long agencyId,
        Hours hours,
        PayFilter pay,
        StatusFilter status,
        LocalDate deadlineFrom,
        LocalDate deadlineTo,
        PositionSort sort,
        int page,
        int size) {

    /** Open positions with deadlines in [from, to], soonest first. */
    public static PositionCriteria openByDeadline(LocalDate from, LocalDate to, int page, int size) {
        return new PositionCriteria(
                null,
                null,
                null,
                null,
                null,
                PayFilter.NONE,
                StatusFilter.open,
                from,
                to,
                PositionSort.DEADLINE,
                page,
                size);
    }

    /** The same matches in the same order, unpaged. */
    public PositionCriteria withoutPage() {
        return new PositionCriteria(
                q, unitId, employerId, agencyId, hours, pay, status, deadlineFrom, deadlineTo, sort, 0, 0);
    }

    /** The same matches, in no order and unpaged: what the total counts. */
    public PositionCriteria withoutOrderOrPage() {
        return new PositionCriteria(
                q, unitId, employerId, agencyId, hours, pay, status, deadlineFrom, deadlineTo, null, 0, 0);
    }

    /** The matches if the facet's own filter were not set: what its counts are counted over. */
    public PositionCriteria without(Facet.Name facet) {
        return new PositionCriteria(
                q,
                facet == Facet.Name.unit ? null : unitId,
                facet == Facet.Name.employer ? null : employerId,
                facet == Facet.Name.agency ? null : agencyId,
                facet == Facet.Name.hours ? null : hours,
                facet == Facet.Name.pay ? pay.withoutMinimum() : pay,
                status,
                deadlineFrom,
                deadlineTo,
                null,
                0,
                0);
    }
}
