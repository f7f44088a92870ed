package dk.kommunejob.facet;

import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.cache.Expiry;
import dk.kommunejob.cache.Validity;
import dk.kommunejob.cache.VersionedCache;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.language.Language;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.pay.PayFilter;
import dk.kommunejob.position.Hours;
import dk.kommunejob.position.PositionCriteria;
import dk.kommunejob.position.PositionService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.text.Collator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * The filter panel's counts: for each facet, how many positions the list would have with each value chosen,
 * over the matches of every other filter. Like the list's total, counts are kept until the data changes or a
 * deadline passes. Facets counted over the same matches (all of them, unless a facet's own filter is set) are
 * counted in one statement, one grouping set each, so a panel costs one pass over its matches.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class FacetCounts {

    /** What each facet groups by, the name shown for a value where the database has it, and the join it needs. */
    private record Grouping(String value, String label, String join) {}

    private static final Map<Facet.Name, Grouping> GROUPINGS = new EnumMap<>(Map.of(
            Facet.Name.unit, new Grouping("p.unit_id", null, ""),
            Facet.Name.agency, new Grouping("p.agency_id", "a.name", " LEFT JOIN agency a ON a.id = p.agency_id"),
            Facet.Name.employer, new Grouping("p.employer_id", "e.name", " JOIN employer e ON e.id = p.employer_id"),
            Facet.Name.hours, new Grouping("p.hours", null, ""),
            Facet.Name.pay, new Grouping(PayFilter.BAND, null, "")));

    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da"));

    /** Labels (hours, the facet's name) are in the answer's language, and so is their order among equal counts. */
    private record Key(Facet.Name name, PositionCriteria over, Language language) {}

    @Inject
    EntityManager em;

    @Inject
    DataVersion version;

    @Inject
    Expiry expiry;

    @Inject
    PositionService positions;

    @Inject
    OrganisationService organisation;

    /**
     * Weighed by values, some 64 bytes each: the unit facet of all employers, every unit of the country, is ~5 000.
     * An empty list still holds its key and its entry, some 500 bytes: 8 values' worth.
     */
    private VersionedCache<Key, List<Facet.Value>> kept;

    @PostConstruct
    void init() {
        kept = new VersionedCache<>(version, 500_000, values -> values.size() + 8);
    }

    /** The facets asked for, in the order asked. */
    public List<Facet> count(PositionCriteria criteria, List<Facet.Name> names) {
        Validity.Reading reading = expiry.reading();
        Language language = Language.current();
        Map<Facet.Name, List<Facet.Value>> values = new EnumMap<>(Facet.Name.class);
        Map<PositionCriteria, List<Facet.Name>> uncounted = new LinkedHashMap<>();
        for (Facet.Name name : names) {
            PositionCriteria over = criteria.without(name);
            VersionedCache.Kept<List<Facet.Value>> k = kept.find(new Key(name, over, language), reading.at());
            if (k != null) {
                values.put(name, k.value());
            } else {
                uncounted.computeIfAbsent(over, o -> new ArrayList<>()).add(name);
            }
        }
        if (!uncounted.isEmpty()) {
            OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochSecond(reading.at()), Copenhagen.ZONE);
            Validity validity = expiry.of(reading);
            uncounted.forEach((over, group) -> counted(over, group, now).forEach((name, counts) -> {
                values.put(name, counts);
                kept.keep(new Key(name, over, language), validity, counts);
            }));
        }
        return names.stream().map(name -> Facet.of(name, values.get(name))).toList();
    }

    /**
     * One statement for facets over the same matches: a grouping set per facet, told apart by GROUPING(),
     * whose bit for a column is 0 in the rows grouped by it.
     */
    private Map<Facet.Name, List<Facet.Value>> counted(
            PositionCriteria over, List<Facet.Name> names, OffsetDateTime now) {
        Map<String, Object> params = new HashMap<>();
        String where = positions.where(over, now, params);
        List<Grouping> groupings = names.stream().map(GROUPINGS::get).toList();
        String sql = "SELECT GROUPING("
                + groupings.stream().map(Grouping::value).collect(Collectors.joining(", "))
                + "), "
                + groupings.stream()
                        .map(g -> "CAST(" + g.value() + " AS text), " + (g.label() == null ? "NULL" : g.label()))
                        .collect(Collectors.joining(", "))
                + ", count(*) FROM position p"
                + groupings.stream().map(Grouping::join).collect(Collectors.joining())
                + " WHERE " + where + " GROUP BY GROUPING SETS ("
                + groupings.stream()
                        .map(g -> "(" + g.value() + (g.label() == null ? "" : ", " + g.label()) + ")")
                        .collect(Collectors.joining(", "))
                + ")";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .setProperties(params)
                .getResultList();

        Map<Facet.Name, Map<String, Facet.Value>> byName = new EnumMap<>(Facet.Name.class);
        names.forEach(name -> byName.put(name, new HashMap<>()));
        int last = names.size() - 1;
        for (Object[] row : rows) {
            int grouped = ((Number) row[0]).intValue();
            for (int i = 0; i <= last; i++) {
                String value = (String) row[1 + 2 * i];
                // A posting without the value (no agency, hours the text does not say) counts for none of them.
                if ((grouped >> (last - i) & 1) == 0 && value != null) {
                    long count = ((Number) row[row.length - 1]).longValue();
                    byName.get(names.get(i)).put(value, new Facet.Value(value, (String) row[2 + 2 * i], count));
                }
            }
        }
        Map<Facet.Name, List<Facet.Value>> counted = new EnumMap<>(Facet.Name.class);
        byName.forEach((name, counts) -> counted.put(name, ordered(name, counts.values())));
        return counted;
    }

    private List<Facet.Value> ordered(Facet.Name name, Collection<Facet.Value> counts) {
        if (name == Facet.Name.pay) {
            // Bands in their own order, each counting what its `minMonthlyPay` would give.
            return PayFilter.cumulative(counts, Facet.Value::value, Facet.Value::count).stream()
                    .map(b -> new Facet.Value(b.value(), b.label(), b.count()))
                    .toList();
        }
        List<Facet.Value> values =
                switch (name) {
                    case unit -> unitsAndAbove(counts);
                    case hours ->
                        counts.stream()
                                .map(v -> new Facet.Value(
                                        v.value(), Hours.valueOf(v.value()).label(), v.count()))
                                .toList();
                    case agency, employer, pay -> List.copyOf(counts);
                };
        return values.stream()
                .sorted(Comparator.comparingLong(Facet.Value::count)
                        .reversed()
                        .thenComparing(Facet.Value::label, DANISH))
                .toList();
    }

    /**
     * The counts of the postings' own units, added to every unit above them (a position of a unit counts for
     * all of them, as the unit filter takes the units below), with names, from the cached unit tree: the
     * database counts only the postings' own units, however many units the country has.
     */
    private List<Facet.Value> unitsAndAbove(Collection<Facet.Value> own) {
        Map<Long, Long> counts = new HashMap<>();
        for (Facet.Value value : own) {
            for (Long unit : organisation.unitAndAbove(Long.parseLong(value.value()))) {
                counts.merge(unit, value.count(), Long::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new Facet.Value(e.getKey().toString(), organisation.unitName(e.getKey()), e.getValue()))
                .toList();
    }
}
