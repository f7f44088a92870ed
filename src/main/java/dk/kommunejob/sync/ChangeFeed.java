package dk.kommunejob.sync;

import dk.kommunejob.client.Caller;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionSummary;
import dk.kommunejob.sync.ChangeView.Tombstone;
import dk.kommunejob.tenancy.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Reads the change feed: each caller sees the events it may, in a stable order, from a cursor. Reads only, in no
 * transaction of its own: the positions are loaded read-only and never flushed (dirty-checking a page of 100 at
 * commit took a fifth of a feed read's time at national scale, bench/README.md).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ChangeFeed {

    @Inject
    PayTerms payTerms;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Access access;

    /** A place in the feed: the writing transaction's id and the event's sequence within the feed. */
    public record Cursor(long tx, long seq) {

        public static final Cursor START = new Cursor(0, 0);

        /** "7421.318"; null when the text is not a cursor. */
        public static Cursor parse(String text) {
            String[] parts = text.split("\\.");
            try {
                if (parts.length == 2) {
                    Cursor cursor = new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                    return cursor.tx >= 0 && cursor.seq >= 0 ? cursor : null;
                }
            } catch (NumberFormatException e) {
                // not a cursor
            }
            return null;
        }

        @Override
        public String toString() {
            return tx + "." + seq;
        }
    }

    /** An event as the feed's table has it, before the position's view is added. */
    public record Row(long seq, long tx, long positionId, ChangeKind kind, OffsetDateTime at) {

        public String cursor() {
            return new Cursor(tx, seq).toString();
        }
    }

    public ChangeView.Page read(Caller caller, Cursor after, int limit) {
        return read(caller, after, limit, new Access.Condition("true", Map.of()));
    }

    /** The events the caller sees that also meet {@code narrower} (a webhook's kinds and scope). */
    public ChangeView.Page read(Caller caller, Cursor after, int limit, Access.Condition narrower) {
        List<Row> rows = rows(caller, after, limit, narrower);
        List<ChangeView> items = views(rows);
        String next =
                rows.isEmpty() ? after.toString() : items.get(items.size() - 1).cursor();
        return new ChangeView.Page(items, next);
    }

    /** The events alone, without the positions: what {@link #read} starts from. */
    public List<Row> rows(Caller caller, Cursor after, int limit, Access.Condition narrower) {
        Access.Condition seen = access.changes(caller);
        Map<String, Object> parameters = new java.util.HashMap<>(seen.parameters());
        parameters.putAll(narrower.parameters());
        Access.Condition visible = new Access.Condition(seen.sql() + " AND " + narrower.sql(), parameters);
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(
                        """
                        SELECT e.seq, e.tx::text::bigint AS tx, e.position_id, e.kind, e.at
                        FROM change_event e
                        WHERE (e.tx, e.seq) > (CAST(CAST(:tx AS text) AS xid8), :seq)
                          AND e.tx < pg_snapshot_xmin(pg_current_snapshot())
                          AND %s
                        ORDER BY e.tx, e.seq
                        LIMIT :limit"""
                                .formatted(visible.sql()))
                .unwrap(NativeQuery.class)
                .addScalar("seq", StandardBasicTypes.LONG)
                .addScalar("tx", StandardBasicTypes.LONG)
                .addScalar("position_id", StandardBasicTypes.LONG)
                .addScalar("kind", StandardBasicTypes.STRING)
                .addScalar("at", StandardBasicTypes.OFFSET_DATE_TIME);
        query.setParameter("tx", after.tx()).setParameter("seq", after.seq()).setParameter("limit", limit);
        visible.parameters().forEach(query::setParameter);
        return query.getResultList().stream()
                .map(r -> new Row(
                        (Long) r[0], (Long) r[1], (Long) r[2], ChangeKind.valueOf((String) r[3]), (OffsetDateTime)
                                r[4]))
                .toList();
    }

    /** The events with their positions as they are now (one statement for all of them). */
    public List<ChangeView> views(List<Row> rows) {
        Map<Long, Position> positions = rows.isEmpty()
                ? Map.of()
                : em.createQuery(
                                """
                                select p from Position p join fetch p.employer left join fetch p.unit
                                left join fetch p.agency where p.id in :ids""",
                                Position.class)
                        .setHint(HibernateHints.HINT_READ_ONLY, true)
                        .setParameter(
                                "ids",
                                rows.stream().map(Row::positionId).distinct().toList())
                        .getResultStream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        OffsetDateTime now = Copenhagen.now(clock);
        List<ChangeView> items = rows.stream()
                .map(row -> view(row, positions.get(row.positionId()), now))
                .toList();
        return items;
    }

    /**
     * The newest event that every reader can see already. What commits later comes after it in the feed's order
     * (its transaction is not yet below the oldest running one), so a reader that starts here misses nothing new.
     */
    public Cursor head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        SELECT e.tx::text::bigint, e.seq FROM change_event e
                        WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY e.tx DESC, e.seq DESC LIMIT 1""")
                .getResultList();
        return rows.isEmpty()
                ? Cursor.START
                : new Cursor(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }

    private ChangeView view(Row row, Position p, OffsetDateTime now) {
        String cursor = new Cursor(row.tx(), row.seq()).toString();
        OffsetDateTime at = Copenhagen.local(row.at());
        if (p == null) {
            return new ChangeView(cursor, row.kind(), row.positionId(), at, null, new Tombstone("deleted"));
        }
        return switch (p.status) {
            case withdrawn ->
                new ChangeView(cursor, row.kind(), row.positionId(), at, null, new Tombstone("withdrawn"));
            case draft -> new ChangeView(cursor, row.kind(), row.positionId(), at, null, null);
            case published ->
                new ChangeView(
                        cursor,
                        row.kind(),
                        row.positionId(),
                        at,
                        PositionSummary.of(p, payTerms.view(payTerms.read(p.pay)), now),
                        p.isOpenAt(now) ? null : new Tombstone("closed"));
        };
    }
}
