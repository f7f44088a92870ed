package dk.kommunejob.organisation;

import dk.kommunejob.client.Caller;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.Phones;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.common.Versions;
import dk.kommunejob.cors.Cors;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.EmployerInput.ValueInput;
import dk.kommunejob.pay.PayTransparency;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.sync.ChangeEvents;
import dk.kommunejob.sync.ChangeEvents.Shown;
import dk.kommunejob.tenancy.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes to the organisation: employers (their profile and public settings) and their unit trees. Each change
 * names the version it builds on; a rename tells the change feed about every posting that shows the name.
 */
@ApplicationScoped
@Transactional
public class OrganisationWriter {

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    ChangeEvents events;

    @Inject
    Clock clock;

    public Versioned<EmployerProfile> createEmployer(Caller caller, EmployerInput in) {
        access.operate(caller);
        Employer e = new Employer();
        apply(e, in);
        e.version = 1;
        e.persist();
        return new Versioned<>(EmployerProfile.of(e), e.version);
    }

    public Optional<Versioned<EmployerInput>> editableEmployer(Caller caller, long id) {
        return Employer.<Employer>findByIdOptional(id).map(e -> {
            access.employer(caller, e.id);
            return new Versioned<>(EmployerInput.of(e), e.version);
        });
    }

    public Optional<Versioned<EmployerProfile>> replaceEmployer(
            Caller caller, long id, String ifMatch, EmployerInput in) {
        return Optional.ofNullable(em.find(Employer.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(e -> {
                    access.employer(caller, e.id);
                    Versions.check(e.version, ifMatch);
                    if (!EmployerInput.of(e).equals(normalised(in, e.id))) {
                        String before = e.name;
                        apply(e, in);
                        e.version++;
                        if (!before.equals(e.name)) {
                            events.postingsShowing(Shown.EMPLOYER, e.id, OffsetDateTime.now(clock));
                        }
                    }
                    return new Versioned<>(EmployerProfile.of(e), e.version);
                });
    }

    private void apply(Employer e, EmployerInput in) {
        EmployerInput n = normalised(in, e.id);
        e.name = n.name();
        e.street = n.address().street();
        e.postalCode = n.address().postalCode();
        e.city = n.address().city();
        e.phone = n.phone();
        e.website = n.website();
        e.logoUrl = n.logo();
        e.about = n.about();
        e.values.clear();
        n.values().forEach(v -> e.values.add(new EmployerValue(v.name(), v.values(), v.behaviour())));
        e.postingPageUrl = n.postingPageUrl();
        e.websiteOrigins = n.websiteOrigins().toArray(String[]::new);
        e.payTransparency = n.payTransparency();
    }

    /** As stored: the phone in E.164, origins as browsers send them, names stripped and unique. */
    private static EmployerInput normalised(EmployerInput in, Long id) {
        String name = in.name().strip();
        if (Employer.count("lower(name) = lower(?1) and id <> ?2", name, id == null ? 0L : id) > 0) {
            throw Problems.conflict(Messages.text("problem.conflict.employer-name", name));
        }
        String phone;
        try {
            phone = Phones.toE164(in.phone());
        } catch (IllegalArgumentException ex) {
            throw Problems.badField("phone", Messages.text("problem.field.phone", in.phone()));
        }
        if (in.postingPageUrl() != null && !httpUrl(in.postingPageUrl().replace("{slug}", "slug"))) {
            throw Problems.badField("postingPageUrl", Messages.text("problem.field.posting-page", in.postingPageUrl()));
        }
        List<String> origins = new ArrayList<>();
        List<String> given = in.websiteOrigins() == null ? List.of() : in.websiteOrigins();
        for (int i = 0; i < given.size(); i++) {
            String origin = Cors.parse(given.get(i).strip()).orElse(null);
            if (origin == null) {
                throw Problems.badField(
                        "websiteOrigins[%d]".formatted(i), Messages.text("problem.field.origin", given.get(i)));
            }
            if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        return new EmployerInput(
                name,
                in.address(),
                phone,
                in.website(),
                in.logo(),
                in.about(),
                in.values() == null ? List.<ValueInput>of() : in.values(),
                in.postingPageUrl(),
                origins,
                in.payTransparency() == null ? PayTransparency.recommended : in.payTransparency());
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public Versioned<UnitView> createUnit(Caller caller, UnitInput in) {
        Employer employer = employerOf(caller, in);
        access.employer(caller, employer.id);
        OrgUnit unit = new OrgUnit(
                employer, parent(employer, in.parentId(), null), in.name().strip(), in.level());
        unit.version = 1;
        unit.persist();
        return new Versioned<>(UnitView.of(unit), unit.version);
    }

    public Optional<Versioned<UnitInput>> editableUnit(Caller caller, long id) {
        return OrgUnit.<OrgUnit>findByIdOptional(id).map(u -> {
            access.employer(caller, u.employer.id);
            return new Versioned<>(input(u), u.version);
        });
    }

    /** Renames, moves or changes the level of a unit. */
    public Optional<Versioned<UnitView>> replaceUnit(Caller caller, long id, String ifMatch, UnitInput in) {
        return lockedUnit(caller, id, ifMatch).map(u -> {
            if (in.employerId() != null && in.employerId() != u.employer.id.longValue()) {
                throw Problems.badField("employerId", Messages.text("problem.field.unit-employer", u.employer.id));
            }
            if (!input(u).equals(new UnitInput(
                    u.employer.id, in.parentId(), in.name().strip(), in.level()))) {
                String before = u.name;
                u.parent = parent(u.employer, in.parentId(), u.id);
                u.name = in.name().strip();
                u.level = in.level();
                u.version++;
                if (!before.equals(u.name)) {
                    events.postingsShowing(Shown.UNIT, u.id, OffsetDateTime.now(clock));
                }
            }
            return new Versioned<>(UnitView.of(u), u.version);
        });
    }

    /** Closes a unit whose postings and sub-units are all closed; it keeps their history. */
    public Optional<Versioned<UnitView>> closeUnit(Caller caller, long id, String ifMatch) {
        return lockedUnit(caller, id, ifMatch).map(u -> {
            if (u.closedAt != null) {
                throw Problems.conflict(Messages.text("problem.conflict.unit-closed"));
            }
            long openChildren = OrgUnit.count("parent = ?1 and closedAt is null", u);
            long openPostings = em.createQuery(
                            """
                            select count(p) from Position p where p.unit = :unit and p.status = 'published'
                            and p.closedAt is null and p.applicationDeadline > :now""",
                            Long.class)
                    .setParameter("unit", u)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .getSingleResult();
            if (openChildren > 0 || openPostings > 0) {
                throw Problems.conflict(Messages.text("problem.conflict.unit-in-use", openPostings, openChildren));
            }
            u.closedAt = OffsetDateTime.now(clock);
            u.version++;
            return new Versioned<>(UnitView.of(u), u.version);
        });
    }

    /** Deletes a unit that never had postings or sub-units; one that had is closed instead. */
    public Optional<Long> deleteUnit(Caller caller, long id, String ifMatch) {
        return lockedUnit(caller, id, ifMatch).map(u -> {
            long postings = em.createQuery("select count(p) from Position p where p.unit = :unit", Long.class)
                    .setParameter("unit", u)
                    .getSingleResult();
            if (postings > 0 || OrgUnit.count("parent", u) > 0) {
                throw Problems.conflict(Messages.text("problem.conflict.unit-has-postings", postings));
            }
            u.delete();
            return u.id;
        });
    }

    private Optional<OrgUnit> lockedUnit(Caller caller, long id, String ifMatch) {
        return Optional.ofNullable(em.find(OrgUnit.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(u -> {
                    access.employer(caller, u.employer.id);
                    Versions.check(u.version, ifMatch);
                    return u;
                });
    }

    private static Employer employerOf(Caller caller, UnitInput in) {
        Long employerId = in.employerId();
        if (employerId == null && caller.role() == ClientRole.editor) {
            employerId = caller.employerId();
        }
        if (employerId == null) {
            throw Problems.badField("employerId", Messages.text("problem.field.unit-employer-missing"));
        }
        Employer employer = Employer.findById(employerId);
        if (employer == null) {
            throw Problems.badField("employerId", Messages.text("problem.field.no-employer", employerId));
        }
        return employer;
    }

    /** The new parent: an open unit of the same employer, and never the unit itself or one below it. */
    private OrgUnit parent(Employer employer, Long parentId, Long unitId) {
        if (parentId == null) {
            return null;
        }
        OrgUnit parent = OrgUnit.findById(parentId);
        if (parent == null || !parent.employer.id.equals(employer.id) || parent.closedAt != null) {
            throw Problems.badField("parentId", Messages.text("problem.field.no-unit", employer.id, parentId));
        }
        if (unitId != null && below(unitId).contains(parentId)) {
            throw Problems.badField("parentId", Messages.text("problem.field.unit-cycle", parentId));
        }
        return parent;
    }

    /** The unit and every unit below it, read in the writing transaction. */
    private List<Long> below(long unitId) {
        return em.createNativeQuery(
                        """
                        WITH RECURSIVE below(id) AS (
                            SELECT CAST(:unit AS bigint)
                            UNION SELECT u.id FROM org_unit u JOIN below b ON u.parent_id = b.id)
                        SELECT id FROM below""",
                        Long.class)
                .setParameter("unit", unitId)
                .getResultList();
    }

    private static UnitInput input(OrgUnit u) {
        return new UnitInput(u.employer.id, u.parent == null ? null : u.parent.id, u.name, u.level);
    }
}
