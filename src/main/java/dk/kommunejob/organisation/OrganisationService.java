package dk.kommunejob.organisation;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class OrganisationService {

    private static final Comparator<String> DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"))::compare;

    public List<EmployerSummary> employers() {
        return Employer.<Employer>listAll(Sort.by("name")).stream()
                .map(EmployerSummary::of)
                .toList();
    }

    public Optional<EmployerProfile> employer(long id) {
        return Employer.<Employer>findByIdOptional(id).map(EmployerProfile::of);
    }

    public boolean employerExists(long id) {
        return Employer.count("id", id) > 0;
    }

    public boolean unitExists(long id) {
        return OrgUnit.count("id", id) > 0;
    }

    /** The unit forest, read in one query and assembled here. */
    public List<UnitNode> units(Long employerId) {
        List<UnitRow> rows = OrgUnit.getEntityManager()
                .createQuery(
                        """
                select new dk.kommunejob.organisation.OrganisationService$UnitRow(u.id, u.parent.id, u.name, u.level, u.employer.id)
                from OrgUnit u where (:employer is null or u.employer.id = :employer)""",
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
