package dk.kommunejob.organisation;

import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.cache.Validity;
import dk.kommunejob.cache.VersionedCache;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads only: each read is one statement, so it joins a caller's transaction but starts none. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class OrganisationService {

    private static final Comparator<String> DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"))::compare;

    @Inject
    DataVersion version;

    /** The employers' ids and every unit's subtree, parent and name, per data generation. */
    private VersionedCache<Boolean, UnitIndex> index;

    /**
     * Every unit: the ids of itself and the units below it, its parent, its name; and the employers' ids (a filter
     * by employer asks on every request, and a count query per request cost a quarter of a list's CPU).
     */
    private record UnitIndex(
            Map<Long, long[]> subtrees, Map<Long, Long> parents, Map<Long, String> names, Set<Long> employers) {}

    @PostConstruct
    void init() {
        index = new VersionedCache<>(version, 1, units -> 1);
    }

    public List<EmployerSummary> employers() {
        return Employer.<Employer>listAll(Sort.by("name")).stream()
                .map(EmployerSummary::of)
                .toList();
    }

    public Optional<EmployerProfile> employer(long id) {
        return Employer.<Employer>findByIdOptional(id).map(EmployerProfile::of);
    }

    public boolean employerExists(long id) {
        return index().employers().contains(id);
    }

    public boolean unitExists(long id) {
        return unitAndBelow(id).isPresent();
    }

    /**
     * The unit and every unit below it, for filtering by a unit: the units are read once per data
     * generation (they change rarely, a list by unit asks on every request), where a recursive query per
     * request cost more than the list itself.
     */
    public Optional<long[]> unitAndBelow(long id) {
        return Optional.ofNullable(index().subtrees().get(id));
    }

    /** The unit and every unit above it, up to its directorate. */
    public List<Long> unitAndAbove(long id) {
        UnitIndex units = index();
        List<Long> path = new ArrayList<>();
        for (Long unit = id;
                unit != null && units.names().containsKey(unit);
                unit = units.parents().get(unit)) {
            path.add(unit);
        }
        return path;
    }

    public String unitName(long id) {
        return index().names().get(id);
    }

    private UnitIndex index() {
        Validity validity = Validity.ofGeneration(version.generation());
        VersionedCache.Kept<UnitIndex> kept = index.find(Boolean.TRUE, 0);
        if (kept != null) {
            return kept.value();
        }
        UnitIndex units = readIndex();
        index.keep(Boolean.TRUE, validity, units);
        return units;
    }

    private static UnitIndex readIndex() {
        List<Object[]> rows = OrgUnit.getEntityManager()
                .createQuery("select u.id, u.parent.id, u.name from OrgUnit u", Object[].class)
                .getResultList();
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : rows) {
            children.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add((Long) row[0]);
            if (row[1] != null) {
                parents.put((Long) row[0], (Long) row[1]);
            }
            names.put((Long) row[0], (String) row[2]);
        }
        Map<Long, long[]> subtrees = new HashMap<>();
        for (Object[] row : rows) {
            List<Long> below = new ArrayList<>();
            ArrayDeque<Long> next = new ArrayDeque<>(List.of((Long) row[0]));
            while (!next.isEmpty()) {
                Long unit = next.pop();
                below.add(unit);
                next.addAll(children.getOrDefault(unit, List.of()));
            }
            subtrees.put(
                    (Long) row[0], below.stream().mapToLong(Long::longValue).toArray());
        }
        Set<Long> employers = Set.copyOf(OrgUnit.getEntityManager()
                .createQuery("select e.id from Employer e", Long.class)
                .getResultList());
        return new UnitIndex(subtrees, parents, names, employers);
    }

    /** The unit forest, read in one query and assembled here. */
    public List<UnitNode> units(Long employerId) {
        List<UnitRow> rows = OrgUnit.getEntityManager()
                .createQuery(
                        """
                select new dk.kommunejob.organisation.OrganisationService$UnitRow(u.id, u.parent.id, u.name, u.level, u.employer.id)
                from OrgUnit u where u.closedAt is null and (:employer is null or u.employer.id = :employer)""",
                        UnitRow.class)
                .setParameter("employer", employerId)
                .getResultList();
        Map<Long, List<UnitRow>> byParent = new HashMap<>();
        List<UnitRow> roots = new ArrayList<>();
        for (UnitRow row : rows) {
            if (row.parentId() == null) {
                roots.add(row);
            } else {
                byParent.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        return tree(roots, byParent);
    }

    private static List<UnitNode> tree(List<UnitRow> rows, Map<Long, List<UnitRow>> byParent) {
        return rows.stream()
                .sorted(Comparator.comparing(UnitRow::name, DANISH))
                .map(row -> new UnitNode(
                        row.id(),
                        row.name(),
                        row.level(),
                        row.employerId(),
                        tree(byParent.getOrDefault(row.id(), List.of()), byParent)))
                .toList();
    }

    public record UnitRow(Long id, Long parentId, String name, UnitLevel level, Long employerId) {}
}
