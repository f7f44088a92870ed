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
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers each active webhook's events in change-feed order: event n+1 is sent only after the receiver accepted
 * event n (a 2xx), and the cursor moves in the same transaction as the attempt's record.
 *
 * <p>A pool of workers delivers several webhooks at once, so a slow receiver holds up only its own webhook. One
 * instance delivers a given webhook at a time, by its advisory lock ({@link DeliveryLocks}); a replica that dies
 * lets its locks go with its connection. After a crash the event in flight is sent again (at least once); its
 * {@code webhook-id} is the same, so a receiver can tell.
 *
 * <p>Woken by every data change (the NOTIFY that moves {@link DataVersion}), and by a timer for retries.
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);
    /** Events sent to one webhook in one turn, so that one busy webhook does not hold the others up. */
    private static final int TURN_EVENTS = 100;
    /** Events read from the feed at once: each is sent with the position as it was at most a few seconds before. */
    private static final int BATCH = 10;

    private static final Duration TURN_TIME = Duration.ofSeconds(20);
    /** The lag metrics are measured every this many polls (every 10 s by default). */
    private static final int LAG_EVERY_POLLS = 10;

    private static final Duration LOG_CLEANUP_EVERY = Duration.ofMinutes(10);

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
    DeliveryLocks locks;

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
    private ExecutorService workers;
    /** The webhooks a worker has been given and not finished: a webhook is never given to two. */
    private final Set<Long> inTurn = ConcurrentHashMap.newKeySet();

    private MultiGauge lagEvents;
    private MultiGauge lagSeconds;
    private long lagAt;
    private long cleanedAt;

    void start(@Observes StartupEvent event) {
        // Redirects are not followed: a redirect could lead past the endpoint's address check.
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        lagEvents = MultiGauge.builder("jobs.webhook.lag")
                .description("Events of the feed after the webhook's cursor, up to the head")
                .baseUnit("events")
                .register(metrics);
        lagSeconds = MultiGauge.builder("jobs.webhook.lag.seconds")
                .description("How long the oldest event after the webhook's cursor has waited; 0 when caught up")
                .register(metrics);
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.webhooks().workers(), task -> {
            Thread worker = new Thread(task, "webhook-worker-" + n.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
        version.onChange(this::wake);
        running = true;
        thread = new Thread(this::run, "webhook-deliverer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        thread.join(1000);
        workers.shutdown();
        // A turn ends after the event it is sending; one that takes longer is sent again by the next holder.
        workers.awaitTermination(config.webhooks().timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        locks.close();
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
                    locks.check();
                    for (long id : due()) {
                        if (inTurn.add(id)) {
                            workers.execute(() -> {
                                try {
                                    turn(id);
                                } catch (RuntimeException | SQLException e) {
                                    LOG.debugf("webhook %d: turn ended early: %s", id, e.getMessage());
                                } finally {
                                    inTurn.remove(id);
                                }
                            });
                        }
                    }
                    housekeeping();
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
     * Now and then: each webhook's lag behind the feed's head (the metrics), and the delivery log's lines older
     * than its retention deleted. Plain statements, as {@link #due()}.
     */
    private void housekeeping() throws SQLException {
        long now = System.nanoTime();
        if (now - lagAt >= config.webhooks().pollInterval().toNanos() * LAG_EVERY_POLLS || lagAt == 0) {
            lagAt = now;
            List<MultiGauge.Row<?>> events = new ArrayList<>();
            List<MultiGauge.Row<?>> seconds = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement lag = connection.prepareStatement(
                            """
                            SELECT s.id, l.behind, extract(epoch FROM now() - l.oldest)
                            FROM webhook_subscription s, LATERAL (
                                SELECT count(*) AS behind, min(e.at) AS oldest FROM (
                                    SELECT e.at FROM change_event e
                                    WHERE (e.tx, e.seq) > (CAST(CAST(s.cursor_tx AS text) AS xid8), s.cursor_seq)
                                      AND e.tx < pg_snapshot_xmin(pg_current_snapshot())
                                    ORDER BY e.tx, e.seq LIMIT 100000) e) l""");
                    ResultSet rows = lag.executeQuery()) {
                while (rows.next()) {
                    Tags tags = Tags.of("webhook", Long.toString(rows.getLong(1)));
                    events.add(MultiGauge.Row.of(tags, rows.getLong(2)));
                    seconds.add(MultiGauge.Row.of(tags, Math.max(0, rows.getDouble(3))));
                }
            }
            lagEvents.register(events, true);
            lagSeconds.register(seconds, true);
        }
        if (now - cleanedAt >= LOG_CLEANUP_EVERY.toNanos() || cleanedAt == 0) {
            cleanedAt = now;
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement cleanup =
                            connection.prepareStatement("DELETE FROM webhook_attempt WHERE attempted_at < ?")) {
                cleanup.setObject(
                        1, OffsetDateTime.now(clock).minus(config.webhooks().logRetention()));
                cleanup.executeUpdate();
            }
        }
    }

    /** What a turn needs to know of its webhook, read once at its start. */
    private record Plan(Subscription webhook, Caller caller, Access.Condition scope) {}

    /**
     * One webhook's turn: its next events, in order, until one fails, none is left or the turn is up. The turn holds
     * the webhook's advisory lock but no transaction: reading the next events and recording each attempt are short
     * transactions of their own, so that a turn waiting on its receiver keeps no connection from the pool and holds
     * back nobody's view of the change feed.
     */
    void turn(long id) throws SQLException {
        long lock = locks.tryLock(id);
        if (lock < 0) {
            return; // another instance is delivering it
        }
        try {
            deliver(id, lock);
        } finally {
            locks.unlock(id, lock);
        }
    }

    private void deliver(long id, long lock) {
        // Read after the lock: what the last holder committed, its cursor included.
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(id));
        if (plan == null) {
            return;
        }
        Subscription s = plan.webhook();
        Cursor at = new Cursor(s.cursorTx, s.cursorSeq);
        int failures = s.failures;
        long ends = System.nanoTime() + TURN_TIME.toNanos();
        int sent = 0;
        while (running && sent < TURN_EVENTS && System.nanoTime() < ends) {
            Cursor from = at;
            ChangeView.Page page = QuarkusTransaction.requiringNew().call(() -> {
                Cursor head = feed.head();
                ChangeView.Page read = feed.read(plan.caller(), from, BATCH, plan.scope());
                // Nothing of its scope up to the head seen before reading: start after the head next time.
                return read.items().isEmpty() ? new ChangeView.Page(List.of(), head.toString()) : read;
            });
            if (page.items().isEmpty()) {
                Cursor head = Cursor.parse(page.next());
                if (after(head, at)) {
                    QuarkusTransaction.requiringNew().run(() -> record(id, head, null, null));
                }
                return;
            }
            for (ChangeView event : page.items()) {
                if (!locks.held(lock)) {
                    return; // the lock went with its connection: another instance may be delivering now
                }
                Attempt attempt = send(s, failures + 1, event, true);
                Cursor delivered = attempt.delivered() ? Cursor.parse(event.cursor()) : null;
                String disabled = attempt.delivered()
                        ? null
                        : attempt.statusCode != null && attempt.statusCode == 410
                                ? "gone"
                                : attempt.nextAttemptAt == null ? "retries" : null;
                boolean goOn = QuarkusTransaction.requiringNew().call(() -> record(id, delivered, attempt, disabled));
                if (!goOn) {
                    return;
                }
                at = delivered;
                failures = 0;
                sent++;
            }
        }
        // The turn is up with events left: the next poll goes on at once.
        wake();
    }

    /** The webhook and its client, when it is still due; a revoked client's webhook is disabled instead. */
    private Plan plan(long id) {
        Subscription s = em.find(Subscription.class, id);
        if (s == null || s.state != Subscription.State.active || s.nextAttemptAt.isAfter(OffsetDateTime.now(clock))) {
            return null;
        }
        Plan plan = plan(s);
        if (plan == null) {
            QuarkusTransaction.requiringNew().run(() -> record(id, null, null, "revoked"));
        }
        return plan;
    }

    /** Whom the webhook's events are read as, and what it narrows them to; null when its client was revoked. */
    private Plan plan(Subscription s) {
        ApiClient client = ApiClient.findById(s.clientId);
        if (client.revokedAt != null) {
            return null;
        }
        Caller caller = new Caller(
                client.id,
                client.name,
                client.role,
                client.employerId,
                client.agency == null ? null : client.agency.id);
        return new Plan(s, caller, scope(s, caller));
    }

    /**
     * One event sent again, at once and once, beside the ordered delivery: a receiver lost what it had accepted.
     * Its {@code webhook-id} is the one it had; a failure is logged but not retried. Empty when the event is no
     * longer one the webhook is sent (its client may not read it now, or the webhook's scope changed).
     */
    Optional<Attempt> resend(long id, String eventCursor, int attemptNumber) {
        Cursor at = Cursor.parse(eventCursor);
        Cursor before = at.seq() > 0 ? new Cursor(at.tx(), at.seq() - 1) : new Cursor(at.tx() - 1, Long.MAX_VALUE);
        record Found(Subscription webhook, ChangeView event) {}
        Found found = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = em.find(Subscription.class, id);
            Plan plan = s == null ? null : plan(s);
            if (plan == null) {
                return null;
            }
            return feed.read(plan.caller(), before, 1, plan.scope()).items().stream()
                    .filter(event -> event.cursor().equals(at.toString()))
                    .findFirst()
                    .map(event -> new Found(s, event))
                    .orElse(null);
        });
        if (found == null) {
            return Optional.empty();
        }
        Attempt attempt = send(found.webhook(), attemptNumber, found.event(), false);
        QuarkusTransaction.requiringNew().run(attempt::persist);
        return Optional.of(attempt);
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

    /**
     * One attempt at one event; in the ordered delivery a failure is given its retry's time, or none when the
     * retries are spent.
     */
    private Attempt send(Subscription s, int attemptNumber, ChangeView event, boolean inOrder) {
        Attempt attempt = new Attempt();
        attempt.subscriptionId = s.id;
        attempt.messageId = messageId(s, event);
        attempt.eventCursor = event.cursor();
        attempt.attempt = attemptNumber;
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
        if (!attempt.delivered() && inOrder) {
            attempt.nextAttemptAt = nextAttempt(attemptNumber - 1, attempt).orElse(null);
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
