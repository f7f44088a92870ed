package dk.kommunejob.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.util.List;

/** Writes change events in the writer's own transaction, so an event exists exactly when its change does. */
@ApplicationScoped
public class ChangeEvents {

    @Inject
    EntityManager em;

    @Transactional(TxType.MANDATORY)
    public void emit(long positionId, Long agencyId, ChangeKind kind, boolean isPublic, OffsetDateTime at) {
        em.createNativeQuery(
                        """
                        INSERT INTO change_event (position_id, agency_id, kind, public, at)
                        VALUES (:position, :agency, :kind, :public, :at)""")
                .setParameter("position", positionId)
                .setParameter("agency", agencyId)
                .setParameter("kind", kind.name())
                .setParameter("public", isPublic)
                .setParameter("at", at)
                .executeUpdate();
    }

    /**
     * One statement marks and announces every posting whose deadline has passed since the last look,
     * so a concurrent reopen either happens before (new deadline, not due) or after (announced once).
     */
    @Transactional
    public int announcePassedDeadlines(OffsetDateTime now) {
        return em.createNativeQuery(
                        """
                        WITH due AS (
                            UPDATE position SET closed_announced_for = application_deadline
                            WHERE status = 'published' AND closed_at IS NULL AND application_deadline < :now
                              AND closed_announced_for IS DISTINCT FROM application_deadline
                            RETURNING id, agency_id, application_deadline)
                        INSERT INTO change_event (position_id, agency_id, kind, public, at)
                        SELECT id, agency_id, 'closed', true, application_deadline + interval '1 second' FROM due""")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** What a posting shows of others: its employer's, unit's and agency's names. */
    public enum Shown {
        EMPLOYER("employer_id"),
        UNIT("unit_id"),
        AGENCY("agency_id");

        final String column;

        Shown(String column) {
            this.column = column;
        }
    }

    /**
     * `updated` events for every posting that shows this employer, unit or agency, after it was renamed: a
     * syncing consumer's copy shows the old name until it reads them again.
     */
    @Transactional(TxType.MANDATORY)
    public void postingsShowing(Shown shown, long id, OffsetDateTime at) {
        em.createNativeQuery(
                        """
                        INSERT INTO change_event (position_id, agency_id, kind, public, at)
                        SELECT id, agency_id, 'updated', status = 'published', :at FROM position
                        WHERE %s = :id AND status <> 'withdrawn' ORDER BY id"""
                                .formatted(shown.column))
                .setParameter("id", id)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** `published` events for postings loaded rather than written (sample data), so the feed has them all. */
    @Transactional(TxType.MANDATORY)
    public void announceLoaded(List<Long> positionIds) {
        em.flush();
        em.createNativeQuery(
                        """
                        INSERT INTO change_event (position_id, agency_id, kind, public, at)
                        SELECT p.id, p.agency_id, 'published', true, p.published_at FROM position p
                        WHERE p.id IN (:ids) AND p.status = 'published'
                        ORDER BY p.published_at, p.id""")
                .setParameter("ids", positionIds)
                .executeUpdate();
    }
}
