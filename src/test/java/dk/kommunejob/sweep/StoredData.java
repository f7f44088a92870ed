package dk.kommunejob.sweep;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is stored, counted: the rows of every table the API writes, and the change feed's last
 * event (every write of a posting adds one). Not counted: the idempotency keys (a refusal may be
 * kept to answer its repeat the same) and the webhooks' delivery log (the deliverer writes it in
 * the background).
 */
final class StoredData {

    static final List<String> TABLES = List.of(
            "employer",
            "employer_value",
            "org_unit",
            "agency",
            "engagement",
            "position",
            "position_section",
            "committee_member",
            "position_link",
            "contact",
            "stage",
            "deadline_change",
            "position_change",
            "change_event",
            "api_client",
            "webhook_subscription");

    record Snapshot(List<Long> counts, long lastEvent) {}

    private final AgroalDataSource database;
    private final String query;

    StoredData(AgroalDataSource database) {
        this.database = database;
        this.query = "SELECT "
                + TABLES.stream().map(t -> "(SELECT count(*) FROM " + t + ")").collect(Collectors.joining(", "))
                + ", (SELECT coalesce(max(seq), 0) FROM change_event)";
    }

    Snapshot snapshot() {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i <= TABLES.size(); i++) {
                counts.add(row.getLong(i));
            }
            return new Snapshot(counts, row.getLong(TABLES.size() + 1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What changed since the snapshot, if anything did; the deadline job's `closed` events for
     * postings whose deadline passed meanwhile are not a request's doing.
     */
    Optional<String> difference(Snapshot before, Snapshot now) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            if (!before.counts().get(i).equals(now.counts().get(i))) {
                changed.add("%s %d -> %d"
                        .formatted(
                                TABLES.get(i),
                                before.counts().get(i),
                                now.counts().get(i)));
            }
        }
        if (changed.isEmpty()
                || (changed.size() == 1
                        && changed.get(0).startsWith("change_event ")
                        && onlyExpiries(before.lastEvent()))) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", changed));
    }

    private boolean onlyExpiries(long after) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        """
                        SELECT count(*) FROM change_event e LEFT JOIN position p ON p.id = e.position_id
                        WHERE e.seq > %d AND NOT (e.kind = 'closed' AND p.application_deadline <= now())"""
                                .formatted(after))) {
            row.next();
            return row.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
