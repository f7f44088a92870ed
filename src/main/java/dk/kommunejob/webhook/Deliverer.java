package dk.kommunejob.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.client.ApiClient;
import dk.kommunejob.client.Caller;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Language;
import dk.kommunejob.language.Messages;
import dk.kommunejob.sync.ChangeFeed;
import dk.kommunejob.sync.ChangeFeed.Cursor;
import dk.kommunejob.sync.ChangeView;
import dk.kommunejob.tenancy.Access;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers each active webhook's events in change-feed order, one at a time: event n+1 is sent only after the
 * receiver accepted event n (a 2xx), and the cursor moves in the same transaction as the attempt's record.
 *
 * <p>One instance delivers a given webhook at a time: the delivering transaction holds the webhook's row lock
 * ({@code FOR UPDATE SKIP LOCKED}) for as long as it sends, so other replicas pass over it, and a replica that dies
 * releases it with its connection. After a crash the event in flight is sent again (at least once); its
 * {@code webhook-id} is the same, so a receiver can tell.
 *
 * <p>Woken by every data change (the NOTIFY that moves {@link DataVersion}), and by a timer for retries.
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);
    /** Events sent to one webhook in one turn, so that one busy webhook does not hold the others up. */
    private static final int TURN_EVENTS = 50;

    private static final Duration TURN_TIME = Duration.ofSeconds(20);
    /** The first key of the turn's advisory lock, the webhook's id the second: "whk" in ASCII. */
    private static final int LOCK_SPACE = 0x77686b;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeed feed;

    @Inject
    Secrets secrets;

    @Inject
    Endpoints endpoints;

    @Inject
    DataVersion version;

    @Inject
    JobsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private HttpClient http;
    private final Object wake = new Object();
    private volatile boolean woken;
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        // Redirects are not followed: a redirect could lead past the endpoint's address check.
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        version.onChange(this::wake);
        running = true;
        thread = new Thread(this::run, "webhook-deliverer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        thread.join(config.webhooks().timeout().toMillis() + 1000);
    }

    /** Looks for due deliveries now rather than at the next tick. */
    public void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                if (secrets.configured()) {
                    due().forEach(this::turn);
                }
            } catch (RuntimeException | SQLException e) {
                // The database away, most likely: the next tick tries again, and nothing was half-done.
                LOG.debugf("webhook delivery paused: %s", e.getMessage());
            }
            synchronized (wake) {
                if (!woken && running) {
                    try {
                        wake.wait(config.webhooks().pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /**
     * The webhooks due now. Asked on every poll of every instance, mostly to find none: one plain statement on a
     * pooled connection, no ORM session or transaction.
     */
    private List<Long> due() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement due = connection.prepareStatement(
                        """
                        SELECT id FROM webhook_subscription
                        WHERE state = 'active' AND next_attempt_at <= ? ORDER BY next_attempt_at""")) {
            due.setObject(1, OffsetDateTime.now(clock));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * One webhook's turn: its next events, in order, until one fails, none is left or the turn is up. The turn holds
     * an advisory lock, not the webhook's row lock: locking a row gives the transaction an id, and the change feed
     * shows nothing newer than the oldest running transaction, so every feed reader would wait on the slowest
     * receiver. What each attempt changes is written and committed at once, in a short transaction of its own.
     */
    void turn(long id) {
        QuarkusTransaction.requiringNew()
                .timeout((int) TURN_TIME.plus(config.webhooks().timeout()).toSeconds() + 5)
                .run(() -> {
                    boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:space, :id)")
                            .setParameter("space", LOCK_SPACE)
                            .setParameter("id", (int) id)
                            .getSingleResult();
                    if (!mine) {
                        return; // another instance is delivering it
                    }
                    // Read after the lock: what the last holder committed, its cursor included.
                    Subscription s = em.find(Subscription.class, id);
                    if (s == null
                            || s.state != Subscription.State.active
                            || s.nextAttemptAt.isAfter(OffsetDateTime.now(clock))) {
                        return;
                    }
                    ApiClient client = ApiClient.findById(s.clientId);
                    if (client.revokedAt != null) {
                        QuarkusTransaction.requiringNew().run(() -> record(id, null, null, "revoked"));
                        return;
                    }
                    Caller caller = new Caller(
                            client.id,
                            client.name,
                            client.role,
                            client.employerId,
                            client.agency == null ? null : client.agency.id);
                    Access.Condition scope = scope(s, caller);
                    Cursor at = new Cursor(s.cursorTx, s.cursorSeq);
                    int failures = s.failures;
                    long ends = System.nanoTime() + TURN_TIME.toNanos();
                    for (int sent = 0; running && sent < TURN_EVENTS && System.nanoTime() < ends; sent++) {
                        // Each event read afresh: a position the turn loaded for an earlier event is as it is now.
                        em.clear();
                        Cursor head = feed.head();
                        List<ChangeView> events =
                                feed.read(caller, at, 1, scope).items();
                        if (events.isEmpty()) {
                            // Nothing of its scope up to the head seen before reading: no need to read it again.
                            if (after(head, at)) {
                                QuarkusTransaction.requiringNew().run(() -> record(id, head, null, null));
                            }
                            return;
                        }
                        ChangeView event = events.get(0);
                        Attempt attempt = send(s, failures, event);
                        Cursor delivered = attempt.delivered() ? Cursor.parse(event.cursor()) : null;
                        String disabled = attempt.delivered()
                                ? null
                                : attempt.statusCode != null && attempt.statusCode == 410
                                        ? "gone"
                                        : attempt.nextAttemptAt == null ? "retries" : null;
                        boolean goOn =
                                QuarkusTransaction.requiringNew().call(() -> record(id, delivered, attempt, disabled));
                        if (!goOn) {
                            return;
                        }
                        at = delivered;
                        failures = 0;
                    }
                    // The turn is up with events left: the next poll goes on at once.
                    wake();
                });
    }

    private static boolean after(Cursor a, Cursor b) {
        return a.tx() > b.tx() || (a.tx() == b.tx() && a.seq() > b.seq());
    }

    /**
     * Writes what an attempt changed, in its own transaction: the log's line, the cursor when the event was
     * accepted (or passed over), the failure count and the next attempt's time, or why the webhook is disabled
     * (a code, which {@link SubscriptionView} words in the reader's language). Whether delivery goes on: the event
     * was accepted and nobody paused or deleted the webhook meanwhile.
     */
    private boolean record(long id, Cursor cursor, Attempt attempt, String disabled) {
        Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return false; // deleted meanwhile, its log with it
        }
        if (attempt != null) {
            attempt.persist();
        }
        if (cursor != null) {
            s.cursorTx = cursor.tx();
            s.cursorSeq = cursor.seq();
            s.failures = 0;
        } else if (attempt != null) {
            s.failures++;
            if (attempt.nextAttemptAt != null) {
                s.nextAttemptAt = attempt.nextAttemptAt;
            }
        }
        if (disabled != null) {
            s.state = Subscription.State.disabled;
            s.disabledReason = disabled;
            s.version++;
            s.updatedAt = OffsetDateTime.now(clock);
            LOG.infof("webhook %d disabled (%s)", id, disabled);
        }
        return cursor != null && attempt != null && s.state == Subscription.State.active;
    }

    /** What a webhook is sent on top of what its client may read: its kinds, its employer, an agency's own. */
    private static Access.Condition scope(Subscription s, Caller caller) {
        List<String> sql = new ArrayList<>(List.of("true"));
        Map<String, Object> parameters = new HashMap<>();
        if (s.kinds.length > 0) {
            sql.add("e.kind IN (:hookKinds)");
            parameters.put("hookKinds", List.of(s.kinds));
        }
        if (s.employerId != null) {
            sql.add("e.employer_id = :hookEmployer");
            parameters.put("hookEmployer", s.employerId);
        }
        if (caller.role() == ClientRole.agency) {
            sql.add("e.agency_id = :hookAgency");
            parameters.put("hookAgency", caller.agencyId());
        }
        return new Access.Condition(String.join(" AND ", sql), parameters);
    }

    private Attempt send(Subscription s, int failures, ChangeView event) {
        Attempt attempt = new Attempt();
        attempt.subscriptionId = s.id;
        attempt.messageId = messageId(s, event);
        attempt.eventCursor = event.cursor();
        attempt.attempt = failures + 1;
        attempt.attemptedAt = OffsetDateTime.now(clock);
        long started = System.nanoTime();
        Optional<String> refusal = endpoints.refusal(s.url);
        if (refusal.isPresent()) {
            attempt.error = Messages.text(Language.en, refusal.get());
        } else {
            try {
                byte[] body = body(event);
                long timestamp = clock.instant().getEpochSecond();
                String payload = new String(body, StandardCharsets.UTF_8);
                String signature = new Webhook(secrets.decrypt(s.secret)).sign(attempt.messageId, timestamp, payload);
                if (s.previousSecret != null && s.previousUntil.isAfter(attempt.attemptedAt)) {
                    // The spec's list of signatures: a receiver still on the old secret finds its own.
                    signature += " "
                            + new Webhook(secrets.decrypt(s.previousSecret))
                                    .sign(attempt.messageId, timestamp, payload);
                }
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(s.url))
                                .timeout(config.webhooks().timeout())
                                .header("Content-Type", "application/json")
                                .header("webhook-id", attempt.messageId)
                                .header("webhook-timestamp", Long.toString(timestamp))
                                .header("webhook-signature", signature)
                                .header("User-Agent", "kommunejob-webhooks/1")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                attempt.statusCode = response.statusCode();
                if (!attempt.delivered()) {
                    attempt.error = "HTTP " + response.statusCode();
                    attempt.retryAfter = retryAfter(response);
                }
            } catch (IOException | WebhookSigningException e) {
                attempt.error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempt.error = "interrupted: the instance is stopping";
            }
        }
        attempt.latencyMs = (int) ((System.nanoTime() - started) / 1_000_000);
        attempt.result = attempt.delivered() ? "delivered" : "failed";
        if (!attempt.delivered()) {
            attempt.nextAttemptAt = nextAttempt(failures, attempt).orElse(null);
        }
        metrics.counter("jobs.webhook.deliveries", "result", attempt.result).increment();
        return attempt;
    }

    /** After the n-th failure, the n-th wait of the schedule, or longer where the receiver asked (Retry-After). */
    private Optional<OffsetDateTime> nextAttempt(int failuresBefore, Attempt attempt) {
        List<Duration> schedule = config.webhooks().retrySchedule();
        if (failuresBefore >= schedule.size()) {
            return Optional.empty();
        }
        Duration wait = schedule.get(failuresBefore);
        if (attempt.retryAfter != null && attempt.retryAfter.compareTo(wait) > 0) {
            wait = attempt.retryAfter;
        }
        return Optional.of(attempt.attemptedAt.plus(wait));
    }

    /** Retry-After on a 429 or 503 (RFC 9110: seconds, or an HTTP date). */
    private Duration retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return null;
        }
        return response.headers()
                .firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
                    } catch (NumberFormatException notSeconds) {
                        try {
                            return Duration.between(
                                    clock.instant(),
                                    ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                            .toInstant());
                        } catch (RuntimeException notADate) {
                            return null;
                        }
                    }
                })
                .orElse(null);
    }

    /** The same for every attempt at one event of one webhook, and for nothing else. */
    static String messageId(Subscription s, ChangeView event) {
        return "msg_" + s.id + "_" + event.cursor().replace('.', '_');
    }

    /** Standard Webhooks' payload: the event's type, when it happened, and the change feed's event as data. */
    private byte[] body(ChangeView event) throws IOException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "position." + event.kind());
        payload.put("timestamp", event.at().toInstant().toString());
        payload.put("data", event);
        return json.writeValueAsBytes(payload);
    }
}
