package dk.kommunejob.position;

import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.cache.Expiry;
import dk.kommunejob.cache.Validity;
import dk.kommunejob.cache.VersionedCache;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Page;
import dk.kommunejob.common.Ref;
import dk.kommunejob.common.Slugs;
import dk.kommunejob.contact.ContactView;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.search.Match;
import dk.kommunejob.search.QueryUnderstanding;
import dk.kommunejob.search.SearchQuery;
import dk.kommunejob.stage.StageView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Reads published positions for the public API. Each read is a single statement, atomic on its own:
 * it joins a caller's transaction but starts none (a JTA transaction and its COMMIT cost more than
 * the statement).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class PositionService {

    private static final String SUMMARY =
            """
            SELECT p.id, p.slug, p.title, u.id AS unit_id, u.name AS unit_name, e.id AS employer_id,
                   e.name AS employer_name, a.id AS agency_id, a.name AS agency_name,
                   p.application_deadline, p.closed_at, p.published_at, p.hours, p.updated_at, p.pay::text AS pay
            FROM position p JOIN org_unit u ON u.id = p.unit_id JOIN employer e ON e.id = p.employer_id
            LEFT JOIN agency a ON a.id = p.agency_id""";
    /** A searched page's text passage, when the title does not hold every searched word (search.Match). */
    private static final String SUMMARY_WITH_EXCERPT = SUMMARY.replace(
            "\nFROM position p",
            """
            , CASE WHEN p.search_vector @@ cast(:titleQuery AS tsquery) THEN NULL
                   ELSE ts_headline('danish', p.search_text, cast(:q AS tsquery), :headline) END AS excerpt
            FROM position p""");

    @Inject
    EntityManager em;

    @Inject
    PayTerms payTerms;

    @Inject
    Clock clock;

    @Inject
    DataVersion version;

    @Inject
    Expiry expiry;

    @Inject
    PublicPositionQuery detail;

    @Inject
    OrganisationService organisation;

    @Inject
    QueryUnderstanding understanding;

    /** Counts for one list query, while the data and the clock leave them as they are. */
    private VersionedCache<PositionCriteria, Long> totals;

    /**
     * Every match of one search, in its order; weighed in ids (8 bytes), 2 million in all (16 MB). A search that
     * matches nothing still holds its criteria and its entry, some 500 bytes: 64 ids' worth, so that searches
     * for made-up words cannot keep millions.
     */
    private VersionedCache<PositionCriteria, long[]> searches;

    @PostConstruct
    void init() {
        totals = new VersionedCache<>(version, 10_000, total -> 1);
        searches = new VersionedCache<>(version, 2_000_000, ids -> ids.length + 64);
    }

    static PublicStatus statusOf(Position position, OffsetDateTime now) {
        return position.isOpenAt(now) ? PublicStatus.open : PublicStatus.closed;
    }

    /**
     * One statement for the page, whatever its size: the matches' summary columns, filtered, sorted
     * and paged by the database. The total (a count over every match, which costs far more than the
     * page) is counted once and kept until the data changes or a deadline passes. A search keeps its
     * matches, in order, the same way.
     */
    public Page<PositionSummary> search(PositionCriteria criteria) {
        return read(criteria, true);
    }

    /**
     * The page's positions without the total (feeds and calendars show no count): one statement, where
     * counting every match of the open list costs ~70 ms at 100 000 postings.
     */
    public List<PositionSummary> items(PositionCriteria criteria) {
        return read(criteria, false).items();
    }

    private Page<PositionSummary> read(PositionCriteria criteria, boolean counted) {
        Validity.Reading reading = expiry.reading();
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochSecond(reading.at()), Copenhagen.ZONE);
        Map<String, Object> params = new HashMap<>();
        String where = where(criteria, now, params);
        if (criteria.q() != null) {
            return searched(criteria, where, params, now, reading, counted);
        }
        params.put("limit", criteria.size());
        params.put("offset", (long) (criteria.page() - 1) * criteria.size());
        String orderBy = criteria.sort() != null ? criteria.sort().orderBy : PositionSort.DEADLINE.orderBy;
        List<PositionSummary> items =
                summaries(where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset", params, now);
        if (!counted) {
            return new Page<>(items, criteria.page(), criteria.size(), items.size());
        }

        PositionCriteria matches = criteria.withoutOrderOrPage();
        VersionedCache.Kept<Long> kept = totals.find(matches, reading.at());
        long total;
        if (kept != null) {
            total = kept.value();
        } else {
            params.keySet().removeAll(List.of("limit", "offset"));
            // No result class: with one, Hibernate 7.2's interpretation cache compared each new count's key with many
            // kept keys of the same hash, none equal (62 % of a never-asked panel's CPU, bench/README.md).
            Query count = em.createNativeQuery("SELECT count(*) FROM position p WHERE " + where);
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
            totals.keep(matches, expiry.of(reading), total);
        }
        return new Page<>(items, criteria.page(), criteria.size(), total);
    }

    /**
     * Every match's id in the asked order (kept), then the page's rows by id; the total is the
     * number of matches. A search by relevance ranks every match before it can page, and how best to
     * find a word's matches depends on how common the word is: this statement, run once per search
     * and data version, is planned for its words rather than with the connection's generic plans.
     */
    private Page<PositionSummary> searched(
            PositionCriteria criteria,
            String where,
            Map<String, Object> params,
            OffsetDateTime now,
            Validity.Reading reading,
            boolean marked) {
        SearchQuery query = understanding.understand(criteria.q());
        PositionCriteria matches = criteria.withoutPage();
        VersionedCache.Kept<long[]> kept = searches.find(matches, reading.at());
        long[] ordered;
        if (kept != null) {
            ordered = kept.value();
        } else {
            String orderBy = criteria.sort() != null || query.isEmpty()
                    ? (criteria.sort() != null ? criteria.sort() : PositionSort.DEADLINE).orderBy
                    : query.orderBy("p.search_vector", params) + ", p.id";
            ordered = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan")
                        .executeUpdate();
                // No result class, as for the count below: a search never made before is one more new query.
                @SuppressWarnings("unchecked")
                List<Number> ids = em.createNativeQuery(
                                "SELECT p.id FROM position p WHERE " + where + " ORDER BY " + orderBy)
                        .unwrap(NativeQuery.class)
                        .setProperties(params)
                        .getResultList();
                return ids.stream().mapToLong(Number::longValue).toArray();
            });
            searches.keep(matches, expiry.of(reading), ordered);
        }
        int from = (int) Math.min((long) (criteria.page() - 1) * criteria.size(), ordered.length);
        long[] page = Arrays.copyOfRange(ordered, from, Math.min(from + criteria.size(), ordered.length));
        List<PositionSummary> items = List.of();
        if (page.length > 0) {
            Map<String, Object> byIds = new HashMap<>(Map.of("ids", page));
            if (marked) {
                byIds.put("q", query.tsquery());
                byIds.put("titleQuery", query.titleTsquery());
                byIds.put("headline", Match.HEADLINE_OPTIONS);
            }
            Set<String> keys = query.keys();
            Map<Long, PositionSummary> byId =
                    summaries("p.status = 'published' AND p.id = ANY(:ids)", byIds, now).stream()
                            .map(s -> marked ? s.withTitleMarks(Match.inTitle(s.title(), keys)) : s)
                            .collect(Collectors.toMap(PositionSummary::id, Function.identity()));
            items = Arrays.stream(page)
                    .mapToObj(byId::get)
                    .filter(Objects::nonNull)
                    .toList();
        }
        return new Page<>(items, criteria.page(), criteria.size(), ordered.length);
    }

    private List<PositionSummary> summaries(String whereOrderAndPage, Map<String, Object> params, OffsetDateTime now) {
        boolean excerpts = params.containsKey("headline");
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> page = em.createNativeQuery(
                        (excerpts ? SUMMARY_WITH_EXCERPT : SUMMARY) + " WHERE " + whereOrderAndPage)
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.LONG)
                .addScalar("slug", StandardBasicTypes.STRING)
                .addScalar("title", StandardBasicTypes.STRING)
                .addScalar("unit_id", StandardBasicTypes.LONG)
                .addScalar("unit_name", StandardBasicTypes.STRING)
                .addScalar("employer_id", StandardBasicTypes.LONG)
                .addScalar("employer_name", StandardBasicTypes.STRING)
                .addScalar("agency_id", StandardBasicTypes.LONG)
                .addScalar("agency_name", StandardBasicTypes.STRING)
                .addScalar("application_deadline", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("closed_at", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("published_at", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("hours", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("pay", StandardBasicTypes.STRING);
        if (excerpts) {
            page.addScalar("excerpt", StandardBasicTypes.STRING);
        }
        params.forEach(page::setParameter);
        return page.getResultList().stream().map(row -> summary(row, now)).toList();
    }

    private PositionSummary summary(Object[] row, OffsetDateTime now) {
        OffsetDateTime deadline = (OffsetDateTime) row[9];
        PositionSummary summary = new PositionSummary(
                (Long) row[0],
                (String) row[1],
                (String) row[2],
                new Ref((Long) row[3], (String) row[4]),
                new Ref((Long) row[5], (String) row[6]),
                row[7] == null ? null : new Ref((Long) row[7], (String) row[8]),
                Copenhagen.local(deadline),
                Position.isOpen(PositionStatus.published, (OffsetDateTime) row[10], deadline, now)
                        ? PublicStatus.open
                        : PublicStatus.closed,
                Hours.of((String) row[12]),
                Copenhagen.local((OffsetDateTime) row[11]),
                Copenhagen.local((OffsetDateTime) row[13]),
                payTerms.view(payTerms.read((String) row[14])));
        return row.length > 15
                ? summary.withExcerpt(row[15] == null ? null : Match.excerpt((String) row[15]))
                : summary;
    }

    /**
     * The SQL condition, over {@code position p}, of the public postings a list's criteria match at this time; its
     * parameters are put in {@code params}. The list, its total, facets, feeds and calendars all match through it.
     */
    public String where(PositionCriteria c, OffsetDateTime now, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("p.status = 'published'");
        switch (c.status()) {
            // An open posting is never announced as closed at its deadline: saying so lets a plan made for any `now`
            // use the small indexes of unannounced postings (V10) instead of scanning every posting ever published.
            case open ->
                where.append(" AND p.closed_at IS NULL AND p.application_deadline >= :now"
                        + " AND p.closed_announced_for IS DISTINCT FROM p.application_deadline");
            case closed -> where.append(" AND (p.closed_at IS NOT NULL OR p.application_deadline < :now)");
            case all -> {}
        }
        if (c.status() != StatusFilter.all) {
            params.put("now", now);
        }
        if (c.unitId() != null) {
            where.append(" AND p.unit_id = ANY(:units)");
            params.put("units", organisation.unitAndBelow(c.unitId()).orElse(new long[0]));
        }
        if (c.employerId() != null) {
            where.append(" AND p.employer_id = :employer");
            params.put("employer", c.employerId());
        }
        if (c.agencyId() != null) {
            where.append(" AND p.agency_id = :agency");
            params.put("agency", c.agencyId());
        }
        if (c.hours() != null) {
            where.append(" AND p.hours = :hours");
            params.put("hours", c.hours().name());
        }
        where.append(c.pay().where(params));
        if (c.deadlineFrom() != null) {
            where.append(" AND p.application_deadline >= :deadlineFrom");
            params.put("deadlineFrom", Copenhagen.startOfDay(c.deadlineFrom()));
        }
        if (c.deadlineTo() != null) {
            where.append(" AND p.application_deadline < :deadlineBefore");
            params.put("deadlineBefore", Copenhagen.startOfDay(c.deadlineTo().plusDays(1)));
        }
        if (c.q() != null) {
            SearchQuery query = understanding.understand(c.q());
            if (query.isEmpty()) {
                where.append(" AND false");
            } else {
                where.append(" AND p.search_vector @@ cast(:q AS tsquery)");
                params.put("q", query.tsquery());
            }
        }
        return where.toString();
    }

    /** A published position by id or slug; drafts and withdrawn postings are not public. */
    public Optional<PositionDetail> findPublic(String idOrSlug) {
        OffsetDateTime now = Copenhagen.now(clock);
        if (idOrSlug.chars().allMatch(Character::isDigit)) {
            try {
                return detail.find(Long.parseLong(idOrSlug), null, now);
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        return Slugs.isSlug(idOrSlug) ? detail.find(null, idOrSlug, now) : Optional.empty();
    }

    public Optional<List<ContactView>> contacts(String idOrSlug) {
        return findPublic(idOrSlug).map(PositionDetail::contacts);
    }

    public Optional<List<StageView>> stages(String idOrSlug) {
        return findPublic(idOrSlug).map(PositionDetail::stages);
    }
}
