package dk.kommunejob.sweep;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;

import dk.kommunejob.TestData;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.position.PositionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.query.NativeQuery;

/**
 * The data one operation is swept against, made fresh: an employer with its units and engaged
 * agency, a posting in the state the operation acts on, an editor client, and a webhook with one
 * delivery attempt. Path parameters are filled from here by the path's first segment.
 */
record Fixtures(
        TestData.Org org,
        long positionId,
        long clientId,
        long webhookId,
        long attemptId,
        long engagementId,
        String externalRef) {

    static Fixtures forOperation(String operationId) {
        TestData.Org org = TestData.org();
        Consumer<dk.kommunejob.position.Position> state =
                switch (operationId) {
                    case "publishPosition" ->
                        p -> {
                            p.status = PositionStatus.draft;
                            p.publishedAt = null;
                        };
                    case "reopenPosition" ->
                        p -> p.closedAt = OffsetDateTime.now().minusHours(1);
                    default -> p -> {};
                };
        long position = TestData.position(org, state).id;
        // An event of the posting before the webhook exists: one it is past, to redeliver an attempt at.
        String event = QuarkusTransaction.requiringNew().call(() -> (String) Employer.getEntityManager()
                .createNativeQuery(
                        """
                        INSERT INTO change_event (position_id, kind, public, at) VALUES (:position, 'updated', true, now())
                        RETURNING tx::text || '.' || seq""")
                .setParameter("position", position)
                .getSingleResult());
        if (operationId.equals("createEngagement")) {
            // The agency is engaged from the start; engaging it again would overlap.
            QuarkusTransaction.requiringNew().run(() -> Employer.getEntityManager()
                    .createNativeQuery("DELETE FROM engagement WHERE employer_id = :employer")
                    .setParameter("employer", org.employerId())
                    .executeUpdate());
        }
        long client = ((Number) as(BOOTSTRAP_KEY)
                        .body(
                                """
                                {"name": "Sweep %s", "role": "editor", "employerId": %d}"""
                                        .formatted(UUID.randomUUID(), org.employerId()))
                        .post("/api/v1/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("client.id"))
                .longValue();
        long webhook = ((Number) as(BOOTSTRAP_KEY)
                        .body(
                                """
                                {"url": "http://127.0.0.1:9/sweep", "employerId": %d}"""
                                        .formatted(org.employerId()))
                        .post("/api/v1/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("webhook.id"))
                .longValue();
        return QuarkusTransaction.requiringNew().call(() -> {
            long attempt = ((Number) ((NativeQuery<?>)
                                    Employer.getEntityManager()
                                            .createNativeQuery(
                                                    """
                    INSERT INTO webhook_attempt (subscription_id, message_id, event_cursor, attempt, attempted_at,
                                                 latency_ms, result, error)
                    VALUES (:webhook, 'msg_sweep', :event, 1, now(), 5, 'failed', 'connection refused')
                    RETURNING id"""))
                            .setParameter("webhook", webhook)
                            .setParameter("event", event)
                            .getSingleResult())
                    .longValue();
            long engagement = Employer.getEntityManager()
                    .createNativeQuery("SELECT id FROM engagement WHERE employer_id = :employer")
                    .setParameter("employer", org.employerId())
                    .getResultStream()
                    .mapToLong(id -> ((Number) id).longValue())
                    .findFirst()
                    .orElse(0);
            return new Fixtures(org, position, client, webhook, attempt, engagement, "REF-" + UUID.randomUUID());
        });
    }

    /** The value of a path parameter of this path: the fixture its resource names. */
    String pathValue(String path, String parameter) {
        String resource = path.replaceFirst("^/api/v1/(calendars/)?", "").split("/")[0];
        return switch (parameter) {
            case "attemptId" -> Long.toString(attemptId);
            case "externalRef" -> externalRef;
            case "agencyId" -> Long.toString(org.agencyId());
            default ->
                Long.toString(Map.of(
                                "positions", positionId,
                                "agencies", org.agencyId(),
                                "employers", org.employerId(),
                                "units", org.otherDepartmentId(),
                                "engagements", engagementId,
                                "clients", clientId,
                                "webhooks", webhookId)
                        .get(resource));
        };
    }
}
