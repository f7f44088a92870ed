package dk.kommunejob.engagement;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.client.Caller;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.common.Versions;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.tenancy.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.query.NativeQuery;

/** Employers' engagements of agencies, which decide what an agency's key may do (tenancy.Access). */
@ApplicationScoped
@Transactional
public class EngagementService {

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public Versioned<EngagementView> create(Caller caller, EngagementInput in) {
        Long employerId = in.employerId();
        if (employerId == null && caller.role() == ClientRole.editor) {
            employerId = caller.employerId();
        }
        if (employerId == null) {
            throw Problems.badField("employerId", Messages.text("problem.field.engagement-employer"));
        }
        Employer employer = Employer.findById(employerId);
        if (employer == null) {
            throw Problems.badField("employerId", Messages.text("problem.field.no-employer", employerId));
        }
        access.employer(caller, employerId);
        Agency agency = Agency.findById(in.agencyId());
        if (agency == null) {
            throw Problems.badField("agencyId", Messages.text("problem.field.no-agency", in.agencyId()));
        }
        Engagement e = new Engagement();
        e.employer = employer;
        e.agency = agency;
        e.startsOn = in.startsOn() != null ? in.startsOn() : Copenhagen.today(clock);
        e.endsOn = in.endsOn();
        checkTerms(e);
        e.version = 1;
        e.createdAt = OffsetDateTime.now(clock);
        e.createdBy = caller.clientId();
        e.persist();
        return kept(e);
    }

    /** The engagements the caller may see, optionally of one employer or agency, newest first. */
    public List<EngagementView> list(Caller caller, Long employerId, Long agencyId) {
        LocalDate today = Copenhagen.today(clock);
        return visible(caller, employerId, agencyId, null).stream()
                .map(e -> EngagementView.of(e, today))
                .toList();
    }

    public Optional<Versioned<EngagementView>> get(Caller caller, long id) {
        return visible(caller, null, null, id).stream().findFirst().map(this::kept);
    }

    /** New days for the engagement; ending it is giving its last day. */
    public Optional<Versioned<EngagementView>> change(Caller caller, long id, String ifMatch, EngagementTerms terms) {
        if (visible(caller, null, null, id).isEmpty()) {
            return Optional.empty();
        }
        Engagement e = em.find(Engagement.class, id, LockModeType.PESSIMISTIC_WRITE);
        access.employer(caller, e.employer.id);
        Versions.check(e.version, ifMatch);
        if (terms.startsOn().equals(e.startsOn) && Objects.equals(terms.endsOn(), e.endsOn)) {
            return Optional.of(kept(e));
        }
        e.startsOn = terms.startsOn();
        e.endsOn = terms.endsOn();
        checkTerms(e);
        e.version++;
        return Optional.of(kept(e));
    }

    /** Its days in order, and none shared with another engagement of the same agency by the same employer. */
    private void checkTerms(Engagement e) {
        if (e.endsOn != null && e.endsOn.isBefore(e.startsOn)) {
            throw Problems.badField("endsOn", Messages.text("problem.field.engagement-order"));
        }
        List<?> overlapping = ((NativeQuery<?>)
                        em.createNativeQuery(
                                """
                        SELECT id FROM engagement WHERE employer_id = :employer AND agency_id = :agency
                          AND id <> :id AND daterange(starts_on, ends_on, '[]') && daterange(:starts, :ends, '[]')"""))
                .setParameter("employer", e.employer.id)
                .setParameter("agency", e.agency.id)
                .setParameter("id", e.id == null ? 0L : e.id)
                .setParameter("starts", e.startsOn)
                .setParameter("ends", e.endsOn, LocalDate.class)
                .getResultList();
        if (!overlapping.isEmpty()) {
            throw Problems.conflict(Messages.text("problem.conflict.engagement-overlap", overlapping.get(0)));
        }
    }

    private List<Engagement> visible(Caller caller, Long employerId, Long agencyId, Long id) {
        Access.Condition condition = access.engagements(caller);
        @SuppressWarnings("unchecked")
        NativeQuery<Long> query = (NativeQuery<Long>) em.createNativeQuery(
                """
                SELECT e.id FROM engagement e WHERE %s
                  AND (CAST(:employer AS bigint) IS NULL OR e.employer_id = :employer)
                  AND (CAST(:agency AS bigint) IS NULL OR e.agency_id = :agency)
                  AND (CAST(:id AS bigint) IS NULL OR e.id = :id)"""
                        .formatted(condition.sql()),
                Long.class);
        condition.parameters().forEach(query::setParameter);
        List<Long> ids = query.setParameter("employer", employerId, Long.class)
                .setParameter("agency", agencyId, Long.class)
                .setParameter("id", id, Long.class)
                .getResultList();
        return ids.isEmpty()
                ? List.of()
                : em.createQuery(
                                """
                                select e from Engagement e join fetch e.employer join fetch e.agency
                                where e.id in :ids order by e.startsOn desc, e.id desc""",
                                Engagement.class)
                        .setParameter("ids", ids)
                        .getResultList();
    }

    private Versioned<EngagementView> kept(Engagement e) {
        return new Versioned<>(EngagementView.of(e, Copenhagen.today(clock)), e.version);
    }
}
