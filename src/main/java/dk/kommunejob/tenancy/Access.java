package dk.kommunejob.tenancy;

import dk.kommunejob.client.Caller;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Map;

/**
 * Who may do what: every write, and every read that is not public, asks here first.
 *
 * <pre>
 *                                      admin   editor of E     agency client of A
 * employers: create                    yes     -               -
 * employer E: profile, settings        yes     yes             -
 * units of E: create, change, close    yes     yes             -
 * agencies: create, change             yes     -               -
 * engagements of E: create, change     yes     yes             -
 * engagements: read                    all     E's             A's
 * clients: create                      any     editors of E    -
 * clients: read, revoke                all     E's             -
 * postings of E: create, read          yes     yes             A's own, while E engages A
 *   the editable fields and history,
 *   change, life cycle, delete
 * agency A's postings by reference     yes     E's             A's own, while E engages A
 * change feed: unpublished changes     all     E's             A's own, while E engages A
 * </pre>
 *
 * A refusal is a 403 that says why, except where the caller may not know the thing exists (another tenant's
 * unpublished posting, client or engagement): that is the 404 an unknown id gets. Employers, units and agencies
 * are public, and published postings too, so refusing them says so.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Access {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Creating employers, and agencies and their changes: the operator's. */
    public void operate(Caller caller) {
        if (!caller.isAdmin()) {
            throw Problems.forbidden(Messages.text("problem.forbidden.admin"));
        }
    }

    /** An employer's own things: its profile, settings, units and engagements. */
    public void employer(Caller caller, long employerId) {
        if (caller.isAdmin() || caller.edits(employerId)) {
            return;
        }
        throw Problems.forbidden(
                caller.role() == ClientRole.editor
                        ? Messages.text("problem.forbidden.other-employer", employerId, caller.employerId())
                        : Messages.text("problem.forbidden.employers-editors"));
    }

    /** Creating a client: an admin any, an editor only editors of its own employer. */
    public void createClient(Caller caller, ClientRole role, Long employerId) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.role() == ClientRole.editor
                && role == ClientRole.editor
                && caller.employerId().equals(employerId)) {
            return;
        }
        throw Problems.forbidden(Messages.text("problem.forbidden.create-client"));
    }

    /** Whether the caller may see and revoke a client bound to this employer (null: an admin or agency client). */
    public boolean client(Caller caller, Long clientEmployerId) {
        return caller.isAdmin() || (clientEmployerId != null && caller.edits(clientEmployerId));
    }

    /** Which clients the caller sees: the employer whose clients they are, or null for every client. */
    public Long clientsOf(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        if (caller.role() == ClientRole.editor) {
            return caller.employerId();
        }
        throw Problems.forbidden(Messages.text("problem.forbidden.clients"));
    }

    /** Syncing an agency's postings by its own references: the agency itself, an admin, or an editor. */
    public void agencySync(Caller caller, long agencyId) {
        if (caller.role() == ClientRole.agency && !caller.actsForAgency(agencyId)) {
            throw Problems.forbidden(Messages.text("problem.forbidden.agency-sync"));
        }
    }

    /** Creating a posting of this employer for this agency (null: none), or moving one there. */
    public void createPosting(Caller caller, long employerId, Long agencyId) {
        if (caller.isAdmin() || caller.edits(employerId)) {
            return;
        }
        if (caller.role() == ClientRole.editor) {
            throw Problems.forbidden(
                    Messages.text("problem.forbidden.other-employer", employerId, caller.employerId()));
        }
        if (!caller.actsForAgency(agencyId)) {
            throw Problems.forbidden(Messages.text("problem.forbidden.own-agency", caller.agencyId()));
        }
        if (!engaged(agencyId, employerId)) {
            throw Problems.forbidden(Messages.text("problem.forbidden.not-engaged", employerId, agencyId));
        }
    }

    /**
     * Whether the caller may read the posting's editable fields and history and change it. False (a 404)
     * when it may not and the posting is not public; a 403 when it may not and the posting is public.
     */
    public boolean posting(Caller caller, long employerId, Long agencyId, boolean published) {
        if (caller.isAdmin()
                || caller.edits(employerId)
                || (caller.actsForAgency(agencyId) && engaged(agencyId, employerId))) {
            return true;
        }
        if (caller.actsForAgency(agencyId)) {
            // Its own posting: it knows it exists.
            throw Problems.forbidden(Messages.text("problem.forbidden.not-engaged", employerId, agencyId));
        }
        if (!published) {
            return false;
        }
        throw Problems.forbidden(
                caller.role() == ClientRole.editor
                        ? Messages.text("problem.forbidden.other-employer", employerId, caller.employerId())
                        : Messages.text("problem.forbidden.change"));
    }

    /** Whether an engagement of the agency by the employer is active today (Copenhagen). */
    public boolean engaged(long agencyId, long employerId) {
        return !em.createNativeQuery(
                        """
                        SELECT 1 FROM engagement WHERE agency_id = :agency AND employer_id = :employer
                          AND starts_on <= :today AND (ends_on IS NULL OR ends_on >= :today)""")
                .setParameter("agency", agencyId)
                .setParameter("employer", employerId)
                .setParameter("today", Copenhagen.today(clock))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * The engagements the caller sees, as an SQL condition on `engagement e` with its parameters: an admin
     * all, an editor its employer's, an agency its own.
     */
    public Condition engagements(Caller caller) {
        return switch (caller.role()) {
            case admin -> new Condition("true", Map.of());
            case editor -> new Condition("e.employer_id = :tenant", Map.of("tenant", caller.employerId()));
            case agency -> new Condition("e.agency_id = :tenant", Map.of("tenant", caller.agencyId()));
        };
    }

    /**
     * The change feed's events the caller sees, as an SQL condition on `change_event e`: public ones for
     * everyone, and the unpublished ones of the postings it may read.
     */
    public Condition changes(Caller caller) {
        if (caller == null) {
            return new Condition("e.public", Map.of());
        }
        return switch (caller.role()) {
            case admin -> new Condition("true", Map.of());
            case editor ->
                new Condition("(e.public OR e.employer_id = :tenant)", Map.of("tenant", caller.employerId()));
            case agency ->
                new Condition(
                        """
                        (e.public OR (e.agency_id = :tenant AND EXISTS (
                            SELECT 1 FROM engagement g WHERE g.agency_id = e.agency_id AND g.employer_id = e.employer_id
                              AND g.starts_on <= :today AND (g.ends_on IS NULL OR g.ends_on >= :today))))""",
                        Map.of("tenant", caller.agencyId(), "today", Copenhagen.today(clock)));
        };
    }

    /** A condition for a native query's WHERE clause, with the parameters it names. */
    public record Condition(String sql, Map<String, Object> parameters) {}
}
