package dk.kommunejob.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import dk.kommunejob.outage.DatabaseOutage;
import dk.kommunejob.problem.ProblemType;
import dk.kommunejob.problem.Problems;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * `Idempotency-Key` on the POSTs that write: the first answer is stored with the request's fingerprint in the same
 * transaction as the write, so a retried request is answered from the store and never written twice.
 * The same key with another request is a 422. Keys are kept at least a day.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    JobsConfig config;

    /** Runs the write once per key; without a key, just runs it. */
    @Transactional
    public Response once(
            Caller caller, IdempotencyKey idempotencyKey, String path, Object request, Supplier<Response> write) {
        String key = idempotencyKey.value();
        if (key == null) {
            return write.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw Problems.badParameter(HEADER, "Header 'Idempotency-Key' must be 1-255 characters.");
        }
        // SHA-256 of the request: the same digest the API keys use.
        String fingerprint = ApiKeys.hash("POST " + path + " " + canonical(request));
        List<Object[]> stored = em.createNativeQuery(
                        """
                        SELECT request_hash, status, location, etag, body FROM idempotency_key
                        WHERE client_id = :client AND key = :key""",
                        Object[].class)
                .setParameter("client", caller.clientId())
                .setParameter("key", key)
                .getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!fingerprint.equals(row[0])) {
                throw Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED)
                        .withDetail(Messages.text("problem.idempotency-key-reused.detail"))
                        .build();
            }
            return replay((Integer) row[1], (String) row[2], (String) row[3], (String) row[4]);
        }
        // A parallel request with the same key waits here for the first to commit, then fails on the key.
        em.createNativeQuery(
                        """
                        INSERT INTO idempotency_key (client_id, key, request_hash, created_at)
                        VALUES (:client, :key, :hash, :now)""")
                .setParameter("client", caller.clientId())
                .setParameter("key", key)
                .setParameter("hash", fingerprint)
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
        Response answer = write.get();
        em.createNativeQuery(
                        """
                        UPDATE idempotency_key SET status = :status, location = :location, etag = :etag, body = :body
                        WHERE client_id = :client AND key = :key""")
                .setParameter("status", answer.getStatus())
                .setParameter(
                        "location",
                        answer.getLocation() == null
                                ? null
                                : answer.getLocation().toString())
                .setParameter("etag", answer.getHeaderString("ETag"))
                .setParameter("body", canonical(answer.getEntity()))
                .setParameter("client", caller.clientId())
                .setParameter("key", key)
                .executeUpdate();
        return answer;
    }

    private static Response replay(int status, String location, String etag, String body) {
        Response.ResponseBuilder answer = Response.status(status)
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true");
        if (location != null) {
            answer.header("Location", location);
        }
        if (etag != null) {
            answer.header("ETag", etag);
        }
        return answer.build();
    }

    private String canonical(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("requests and answers are JSON", e);
        }
    }

    @Inject
    DatabaseOutage outage;

    @Scheduled(every = "1h")
    void forget() {
        outage.whenAvailable(this::forgetOldKeys);
    }

    @Transactional
    void forgetOldKeys() {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :before")
                .setParameter("before", OffsetDateTime.now(clock).minus(config.idempotencyKeyRetention()))
                .executeUpdate();
    }
}
