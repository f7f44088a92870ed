package dk.kommunejob.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dk.kommunejob.cache.DataVersion;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final Duration BODY_KEPT = Duration.ofSeconds(10);
    /** The lag metrics are measured every this many polls (every 10 s by default). */
    private static final int LAG_EVERY_POLLS = 10;

    private static final Duration LOG_CLEANUP_EVERY = Duration.ofMinutes(10);

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

    /** Made at the first delivery: building one initialises TLS (some 360 classes and the trust store), which a start need not wait for. */
    private HttpClient http;

    private final Object wake = new Object();
    private volatile boolean woken;
    /** Counts wake-ups: a turn that was woken for meanwhile looks again when it ends (its webhook was skipped). */
    private final AtomicLong wakes = new AtomicLong();

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

    private synchronized HttpClient http() {
        if (http == null) {
            // Redirects are not followed: a redirect could lead past the endpoint's address check.
            http = HttpClient.newBuilder()
                    .connectTimeout(config.webhooks().timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
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
        wakes.incrementAndGet();
        poke();
    }

    /** Wakes the poller without counting as a change: what a turn that ends does. */
    private void poke() {
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
                                long woken = wakes.get();
                                boolean more = false;
                                try {
                                    more = turn(id);
                                } catch (RuntimeException | SQLException e) {
                                    LOG.debugf("webhook %d: turn ended early: %s", id, e.getMessage());
                                } finally {
                                    inTurn.remove(id);
                                }
                                // A change that came during the turn (or events left when it was up) found the
                                // webhook busy: it is looked at again now rather than at the next tick.
                                if (more || wakes.get() != woken) {
                                    poke();
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

    /**
     * What a turn needs to know of its webhook, read at its start in one statement: where it is sent, what it is
     * sent, with which secrets, from which cursor, and as whom (its client, or null once the client is revoked).
     */
    private record Plan(
            long id,
            String url,
            String state,
            Cursor cursor,
            int failures,
            OffsetDateTime nextAttemptAt,
            long version,
            Signers signers,
            OffsetDateTime previousUntil,
            Caller caller,
            Access.Condition scope) {}

    /** A webhook's secrets, decrypted once per version of the webhook (a rotation changes the version). */
    private record Signers(long version, Webhook current, Webhook previous) {}

    private final Map<Long, Signers> signers = new ConcurrentHashMap<>();

    /**
     * Each event's body, built once for every webhook sent it: fifty webhooks, one view and one serialisation. Kept
     * ten seconds from when it was built, by cursor alone: a later change of the position is an event of its own,
     * sent after this one with the position as it is then.
     */
    private final AsyncCache<String, byte[]> bodies = Caffeine.newBuilder()
            .expireAfterWrite(BODY_KEPT)
            .maximumWeight(16_000_000)
            .weigher((String cursor, byte[] body) -> body.length)
            .buildAsync();

    private static final String PLAN =
            """
            SELECT s.url, s.state, s.cursor_tx, s.cursor_seq, s.failures, s.next_attempt_at, s.version, s.secret,
                   s.previous_secret, s.previous_until, s.kinds, s.employer_id,
                   c.id, c.name, c.role, c.employer_id, c.agency_id, c.revoked_at
            FROM webhook_subscription s JOIN api_client c ON c.id = s.client_id
            WHERE s.id = ?""";

    /**
     * One webhook's turn: its next events, in order, until one fails, none is left or the turn is up. The turn holds
     * the webhook's advisory lock but no transaction: reading the next events and recording each attempt are short
     * transactions of their own, so that a turn waiting on its receiver keeps no connection from the pool and holds
     * back nobody's view of the change feed. Whether it ended with events left.
     *
     * <p>The webhook's own state is read and written with plain statements: per event, the ORM's session and JTA
     * transactions cost more than the statements (bench/README.md, "Webhooks").
     */
    boolean turn(long id) throws SQLException {
        long lock = locks.tryLock(id);
        if (lock < 0) {
            return false; // another instance is delivering it
        }
        try {
            return deliver(id, lock);
        } finally {
            locks.unlock(id, lock);
        }
    }

    private boolean deliver(long id, long lock) throws SQLException {
        // Read after the lock: what the last holder committed, its cursor included.
        Plan plan = load(id).orElse(null);
        if (plan == null
                || !plan.state().equals("active")
                || plan.nextAttemptAt().isAfter(OffsetDateTime.now(clock))) {
            return false;
        }
        if (plan.caller() == null) {
            disable(plan, "revoked", false);
            return false;
        }
        Cursor at = plan.cursor();
        int failures = plan.failures();
        long ends = System.nanoTime() + TURN_TIME.toNanos();
        int sent = 0;
        while (running && sent < TURN_EVENTS && System.nanoTime() < ends) {
            Cursor from = at;
            Page page = QuarkusTransaction.requiringNew().call(() -> next(plan, from));
            if (page.events().isEmpty()) {
                if (after(page.head(), at)) {
                    moved(plan, at, page.head(), null);
                }
                return false;
            }
            for (Outgoing event : page.events()) {
                if (!locks.held(lock)) {
                    return false; // the lock went with its connection: another instance may be delivering now
                }
                Attempt attempt = send(plan, failures + 1, event, true);
                if (!attempt.delivered()) {
                    String disabled = attempt.statusCode != null && attempt.statusCode == 410
                            ? "gone"
                            : attempt.nextAttemptAt == null ? "retries" : null;
                    if (disabled != null) {
                        disable(plan, disabled, true, at, attempt);
                    } else {
                        failed(plan, at, attempt);
                    }
                    return false;
                }
                Cursor delivered = Cursor.parse(event.cursor());
                if (!moved(plan, at, delivered, attempt)) {
                    return false;
                }
                at = delivered;
                failures = 0;
                sent++;
            }
            if (page.events().size() < BATCH) {
                // The last of its scope when read: reading again would find none (a change since wakes a new turn).
                return false;
            }
        }
        return running; // the turn is up with events left
    }

    /** An event as it is sent: its cursor, and the body every webhook that is sent it gets. */
    private record Outgoing(String cursor, byte[] body) {}

    /** The next events of a webhook's scope, or none and the feed's head, read before them. */
    private record Page(List<Outgoing> events, Cursor head) {}

    /** The webhook's next events, their bodies built once for every webhook ({@link #bodies}). */
    private Page next(Plan plan, Cursor from) throws IOException {
        Cursor head = feed.head();
        List<ChangeFeed.Row> rows = feed.rows(plan.caller(), from, BATCH, plan.scope());
        // Nothing of its scope up to the head seen before reading: start after the head next time.
        if (rows.isEmpty()) {
            return new Page(List.of(), head);
        }
        Map<String, ChangeFeed.Row> byCursor = new HashMap<>();
        rows.forEach(row -> byCursor.put(row.cursor(), row));
        // One build of an event's body however many workers want it at once: a change wakes every webhook's turn
        // together, and workers that missed the cache together each built the same views (their share of the
        // workers' CPU fell from 24 to 18 %, bench/README.md, "Webhooks"). The build runs here, in this turn's
        // transaction; a worker that finds it under way waits for it.
        Map<String, byte[]> found;
        try {
            found = bodies.getAll(byCursor.keySet(), (missing, executor) -> {
                        Map<String, byte[]> built = new HashMap<>();
                        try {
                            for (ChangeView view : feed.views(
                                    missing.stream().map(byCursor::get).toList())) {
                                built.put(view.cursor(), body(view));
                            }
                            return CompletableFuture.completedFuture(built);
                        } catch (IOException | RuntimeException e) {
                            return CompletableFuture.failedFuture(e);
                        }
                    })
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return new Page(
                rows.stream()
                        .map(row -> new Outgoing(row.cursor(), found.get(row.cursor())))
                        .toList(),
                head);
    }

    /** The webhook, its secrets and its client, as they are now; empty when it was deleted. */
    private Optional<Plan> load(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(PLAN)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    signers.remove(id);
                    return Optional.empty();
                }
                long version = row.getLong("version");
                Signers keys = signers.get(id);
                if (keys == null || keys.version() != version) {
                    byte[] previous = row.getBytes("previous_secret");
                    keys = new Signers(
                            version, webhook(row.getBytes("secret")), previous == null ? null : webhook(previous));
                    signers.put(id, keys);
                }
                Caller caller = row.getObject("revoked_at") != null
                        ? null
                        : new Caller(
                                row.getLong(13),
                                row.getString(14),
                                ClientRole.valueOf(row.getString(15)),
                                (Long) row.getObject(16),
                                (Long) row.getObject(17));
                String[] kinds = (String[]) row.getArray("kinds").getArray();
                Long employerId = (Long) row.getObject(12);
                return Optional.of(new Plan(
                        id,
                        row.getString("url"),
                        row.getString("state"),
                        new Cursor(row.getLong("cursor_tx"), row.getLong("cursor_seq")),
                        row.getInt("failures"),
                        row.getObject("next_attempt_at", OffsetDateTime.class),
                        version,
                        keys,
                        row.getObject("previous_until", OffsetDateTime.class),
                        caller,
                        caller == null ? null : scope(kinds, employerId, caller)));
            }
        }
    }

    private Webhook webhook(byte[] encrypted) {
        try {
            return new Webhook(secrets.decrypt(encrypted));
        } catch (RuntimeException e) {
            throw new IllegalStateException("a webhook secret could not be decrypted", e);
        }
    }

    /**
     * The cursor moved on from where the turn had it, and the attempt that moved it (none when the turn passed over
     * events outside the webhook's scope), in one transaction. Whether the turn goes on: the cursor was still where
     * the turn had it (no redelivery moved it meanwhile), and the webhook is still active and as the turn read it
     * (not paused, changed or its secret rotated).
     */
    private boolean moved(Plan plan, Cursor from, Cursor to, Attempt attempt) throws SQLException {
        return inTransaction(connection -> {
            boolean goOn;
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    UPDATE webhook_subscription SET cursor_tx = ?, cursor_seq = ?, failures = 0
                    WHERE id = ? AND cursor_tx = ? AND cursor_seq = ? RETURNING state, version""")) {
                update.setLong(1, to.tx());
                update.setLong(2, to.seq());
                update.setLong(3, plan.id());
                update.setLong(4, from.tx());
                update.setLong(5, from.seq());
                try (ResultSet row = update.executeQuery()) {
                    goOn = row.next() && row.getString(1).equals("active") && row.getLong(2) == plan.version();
                }
            }
            if (attempt != null) {
                log(connection, attempt);
            }
            return goOn;
        });
    }

    /** A failed attempt with retries left: counted, and the next one's time set, unless a redelivery came first. */
    private void failed(Plan plan, Cursor at, Attempt attempt) throws SQLException {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    UPDATE webhook_subscription SET failures = failures + 1, next_attempt_at = ?
                    WHERE id = ? AND cursor_tx = ? AND cursor_seq = ?""")) {
                update.setObject(1, attempt.nextAttemptAt);
                update.setLong(2, plan.id());
                update.setLong(3, at.tx());
                update.setLong(4, at.seq());
                update.executeUpdate();
            }
            log(connection, attempt);
            return null;
        });
    }

    private void disable(Plan plan, String reason, boolean failure) throws SQLException {
        disable(plan, reason, failure, null, null);
    }

    /**
     * Disabled, and why (a code, which {@link SubscriptionView} words in the reader's language): the endpoint is
     * gone, the retries are spent, or the client was revoked.
     */
    private void disable(Plan plan, String reason, boolean failure, Cursor at, Attempt attempt) throws SQLException {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    UPDATE webhook_subscription SET state = 'disabled', disabled_reason = ?, version = version + 1,
                        updated_at = ?, failures = failures + ?
                    WHERE id = ? AND version = ?""")) {
                update.setString(1, reason);
                update.setObject(2, OffsetDateTime.now(clock));
                update.setInt(3, failure ? 1 : 0);
                update.setLong(4, plan.id());
                update.setLong(5, plan.version());
                if (update.executeUpdate() == 1) {
                    LOG.infof("webhook %d disabled (%s)", plan.id(), reason);
                }
            }
            if (attempt != null) {
                log(connection, attempt);
            }
            return null;
        });
    }

    /** The delivery log's line; none when the webhook was deleted meanwhile (its log went with it). */
    private static void log(Connection connection, Attempt a) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                """
                INSERT INTO webhook_attempt (subscription_id, message_id, event_cursor, attempt, attempted_at,
                    status_code, latency_ms, result, error, next_attempt_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM webhook_subscription WHERE id = ?)
                RETURNING id""")) {
            insert.setLong(1, a.subscriptionId);
            insert.setString(2, a.messageId);
            insert.setString(3, a.eventCursor);
            insert.setInt(4, a.attempt);
            insert.setObject(5, a.attemptedAt);
            insert.setObject(6, a.statusCode, java.sql.Types.INTEGER);
            insert.setInt(7, a.latencyMs);
            insert.setString(8, a.result);
            insert.setString(9, a.error);
            insert.setObject(10, a.nextAttemptAt);
            insert.setLong(11, a.subscriptionId);
            try (ResultSet row = insert.executeQuery()) {
                if (row.next()) {
                    a.id = row.getLong(1);
                }
            }
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A short local transaction on a pooled connection, outside JTA: no ORM session to flush. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * One event sent again, at once and once, beside the ordered delivery: a receiver lost what it had accepted.
     * Its {@code webhook-id} is the one it had; a failure is logged but not retried. Empty when the event is no
     * longer one the webhook is sent (its client may not read it now, or the webhook's scope changed).
     */
    Optional<Attempt> resend(long id, String eventCursor, int attemptNumber) {
        try {
            return resendOnce(id, eventCursor, attemptNumber);
        } catch (SQLException e) {
            // An outage among them: the problem mapping answers 503 for that cause.
            throw new IllegalStateException("the event could not be sent again", e);
        }
    }

    private Optional<Attempt> resendOnce(long id, String eventCursor, int attemptNumber) throws SQLException {
        Plan plan = load(id).filter(p -> p.caller() != null).orElse(null);
        if (plan == null) {
            return Optional.empty();
        }
        Cursor at = Cursor.parse(eventCursor);
        Cursor before = at.seq() > 0 ? new Cursor(at.tx(), at.seq() - 1) : new Cursor(at.tx() - 1, Long.MAX_VALUE);
        Optional<Outgoing> event = QuarkusTransaction.requiringNew().call(() -> next(plan, before).events().stream()
                .filter(e -> e.cursor().equals(at.toString()))
                .findFirst());
        if (event.isEmpty()) {
            return Optional.empty();
        }
        Attempt attempt = send(plan, attemptNumber, event.get(), false);
        inTransaction(connection -> {
            log(connection, attempt);
            return null;
        });
        return Optional.of(attempt);
    }

    private static boolean after(Cursor a, Cursor b) {
        return a.tx() > b.tx() || (a.tx() == b.tx() && a.seq() > b.seq());
    }

    /** What a webhook is sent on top of what its client may read: its kinds, its employer, an agency's own. */
    private static Access.Condition scope(String[] kinds, Long employerId, Caller caller) {
        List<String> sql = new ArrayList<>(List.of("true"));
        Map<String, Object> parameters = new HashMap<>();
        if (kinds.length > 0) {
            sql.add("e.kind IN (:hookKinds)");
            parameters.put("hookKinds", List.of(kinds));
        }
        if (employerId != null) {
            sql.add("e.employer_id = :hookEmployer");
            parameters.put("hookEmployer", employerId);
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
    private Attempt send(Plan plan, int attemptNumber, Outgoing event, boolean inOrder) {
        Attempt attempt = new Attempt();
        attempt.subscriptionId = plan.id();
        attempt.messageId = messageId(plan.id(), event);
        attempt.eventCursor = event.cursor();
        attempt.attempt = attemptNumber;
        attempt.attemptedAt = OffsetDateTime.now(clock);
        long started = System.nanoTime();
        Optional<String> refusal = endpoints.refusal(plan.url());
        if (refusal.isPresent()) {
            attempt.error = Messages.text(Language.en, refusal.get());
        } else {
            try {
                byte[] body = event.body();
                long timestamp = clock.instant().getEpochSecond();
                String payload = new String(body, StandardCharsets.UTF_8);
                String signature = plan.signers().current().sign(attempt.messageId, timestamp, payload);
                if (plan.signers().previous() != null && plan.previousUntil().isAfter(attempt.attemptedAt)) {
                    // The spec's list of signatures: a receiver still on the old secret finds its own.
                    signature += " " + plan.signers().previous().sign(attempt.messageId, timestamp, payload);
                }
                HttpResponse<Void> response = http().send(
                                HttpRequest.newBuilder(URI.create(plan.url()))
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
    static String messageId(long webhook, Outgoing event) {
        return "msg_" + webhook + "_" + event.cursor().replace('.', '_');
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
