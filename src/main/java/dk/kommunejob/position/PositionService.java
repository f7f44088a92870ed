package dk.kommunejob.position;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Page;
import dk.kommunejob.common.Slugs;
import dk.kommunejob.contact.ContactView;
import dk.kommunejob.stage.StageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads published positions for the public API. */
@ApplicationScoped
@Transactional
public class PositionService {

    private static final String UNIT_AND_BELOW =
            """
            p.unit_id IN (WITH RECURSIVE below(id) AS (
                SELECT CAST(:unit AS bigint) UNION ALL SELECT u.id FROM org_unit u JOIN below ON u.parent_id = below.id)
              SELECT id FROM below)""";
    private static final String MATCHES = "p.search_vector @@ websearch_to_tsquery('danish', :q)";
    private static final String WITH_REFERENCES =
            "select p from Position p join fetch p.employer join fetch p.unit left join fetch p.agency ";
    private static final String RELEVANCE = "ts_rank(p.search_vector, websearch_to_tsquery('danish', :q)) DESC, p.id";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    static PublicStatus statusOf(Position position, OffsetDateTime now) {
        return position.isOpenAt(now) ? PublicStatus.open : PublicStatus.closed;
    }

    /**
     * Three queries whatever the page size: the page's ids (filtered, sorted and paged by the
     * database), the total, and the page's positions with their unit, employer and agency.
     */
    public Page<PositionSummary> search(PositionCriteria criteria) {
        OffsetDateTime now = Copenhagen.now(clock);
        Map<String, Object> params = new HashMap<>();
        String where = where(criteria, now, params);
        String orderBy = criteria.sort() != null
                ? criteria.sort().orderBy
                : criteria.q() != null ? RELEVANCE : PositionSort.DEADLINE.orderBy;

        Query idQuery = em.createNativeQuery(
                "SELECT p.id FROM position p WHERE " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset",
                Long.class);
        params.forEach(idQuery::setParameter);
        idQuery.setParameter("limit", criteria.size());
        idQuery.setParameter("offset", (long) (criteria.page() - 1) * criteria.size());
        @SuppressWarnings("unchecked")
        List<Long> ids = idQuery.getResultList();

        Query countQuery = em.createNativeQuery("SELECT count(*) FROM position p WHERE " + where, Long.class);
        params.forEach(countQuery::setParameter);
        long total = (Long) countQuery.getSingleResult();

        Map<Long, Position> byId = ids.isEmpty()
                ? Map.of()
                : em.createQuery(WITH_REFERENCES + "where p.id in :ids", Position.class)
                        .setParameter("ids", ids)
                        .getResultStream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<PositionSummary> items =
                ids.stream().map(byId::get).map(p -> PositionSummary.of(p, now)).toList();
        return new Page<>(items, criteria.page(), criteria.size(), total);
    }

    private static String where(PositionCriteria c, OffsetDateTime now, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("p.status = 'published'");
        switch (c.status()) {
            case open -> where.append(" AND p.closed_at IS NULL AND p.application_deadline >= :now");
            case closed -> where.append(" AND (p.closed_at IS NOT NULL OR p.application_deadline < :now)");
            case all -> {}
        }
        if (c.status() != StatusFilter.all) {
            params.put("now", now);
        }
        if (c.unitId() != null) {
            where.append(" AND ").append(UNIT_AND_BELOW);
            params.put("unit", c.unitId());
        }
        if (c.employerId() != null) {
            where.append(" AND p.employer_id = :employer");
            params.put("employer", c.employerId());
        }
        if (c.agencyId() != null) {
            where.append(" AND p.agency_id = :agency");
            params.put("agency", c.agencyId());
        }
        if (c.deadlineFrom() != null) {
            where.append(" AND p.application_deadline >= :deadlineFrom");
            params.put("deadlineFrom", Copenhagen.startOfDay(c.deadlineFrom()));
        }
        if (c.deadlineTo() != null) {
            where.append(" AND p.application_deadline < :deadlineBefore");
            params.put("deadlineBefore", Copenhagen.startOfDay(c.deadlineTo().plusDays(1)));
        }
        if (c.q() != null) {
            where.append(" AND ").append(MATCHES);
            params.put("q", c.q());
        }
        return where.toString();
    }

    /** A published position by id or slug; drafts and withdrawn postings are not public. */
    public Optional<PositionDetail> findPublic(String idOrSlug) {
        OffsetDateTime now = Copenhagen.now(clock);
        return published(idOrSlug).map(p -> PositionDetail.of(p, now));
    }

    public Optional<List<ContactView>> contacts(String idOrSlug) {
        return published(idOrSlug)
                .map(p -> p.contacts.stream().map(ContactView::of).toList());
    }

    public Optional<List<StageView>> stages(String idOrSlug) {
        return published(idOrSlug).map(p -> p.stages.stream().map(StageView::of).toList());
    }

    private Optional<Position> published(String idOrSlug) {
        String published = WITH_REFERENCES + "where p.status = :published and ";
        TypedQuery<Position> query;
        if (idOrSlug.chars().allMatch(Character::isDigit)) {
            try {
                query = em.createQuery(published + "p.id = :id", Position.class)
                        .setParameter("id", Long.parseLong(idOrSlug));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        } else if (Slugs.isSlug(idOrSlug)) {
            query = em.createQuery(published + "p.slug = :slug", Position.class).setParameter("slug", idOrSlug);
        } else {
            return Optional.empty();
        }
        return query.setParameter("published", PositionStatus.published)
                .getResultStream()
                .findFirst();
    }
}
