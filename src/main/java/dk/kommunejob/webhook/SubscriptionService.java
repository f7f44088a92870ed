package dk.kommunejob.webhook;

import dk.kommunejob.client.Caller;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.common.Versions;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.sync.ChangeFeed;
import dk.kommunejob.sync.ChangeKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions: each client manages its own, an admin every one; another client's is not found. A new
 * one starts at the feed's head: it is sent what happens from now on.
 */
@ApplicationScoped
public class SubscriptionService {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    @Inject
    Secrets secrets;

    @Inject
    Endpoints endpoints;

    @Inject
    ChangeFeed feed;

    @Inject
    OrganisationService organisation;

    @Inject
    Deliverer deliverer;

    @Inject
    Clock clock;

    @Transactional
    public SubscriptionCreated create(Caller caller, SubscriptionInput in) {
        if (!secrets.configured()) {
            throw Problems.forbidden(Messages.text("problem.webhook.not-configured"));
        }
        String secret = secrets.generate();
        ChangeFeed.Cursor head = feed.head();
        Subscription s = new Subscription();
        s.clientId = caller.clientId();
        apply(caller, in, s);
        s.secret = secrets.encrypt(secret);
        s.state = Subscription.State.active;
        s.cursorTx = head.tx();
        s.cursorSeq = head.seq();
        s.createdAt = OffsetDateTime.now(clock);
        s.updatedAt = s.createdAt;
        s.nextAttemptAt = s.createdAt;
        s.version = 1;
        s.persist();
        return new SubscriptionCreated(SubscriptionView.of(s), secret);
    }

    /**
     * Another URL, kinds or employer; delivery goes on from the same cursor, so nothing is lost or sent twice. The
     * change names the version it builds on (If-Match), as every change after creation does.
     */
    @Transactional
    public Optional<Versioned<SubscriptionView>> update(Caller caller, long id, String ifMatch, SubscriptionInput in) {
        return own(caller, id).map(s -> {
            Versions.check(s.version, ifMatch);
            apply(caller, in, s);
            touch(s);
            return versioned(s);
        });
    }

    /** What the client chose, checked: a public https URL, and an employer it may be about. */
    private void apply(Caller caller, SubscriptionInput in, Subscription s) {
        endpoints.refusal(in.url()).ifPresent(key -> {
            throw Problems.badField("url", Messages.text(key));
        });
        Long employerId = in.employerId();
        if (caller.role() == ClientRole.editor) {
            if (employerId != null && !employerId.equals(caller.employerId())) {
                throw Problems.forbidden(
                        Messages.text("problem.forbidden.other-employer", employerId, caller.employerId()));
            }
            employerId = caller.employerId();
        } else if (employerId != null && !organisation.employerExists(employerId)) {
            throw Problems.badField("employerId", Messages.text("problem.not-found.employer", employerId));
        }
        s.url = in.url();
        s.kinds = in.kinds() == null
                ? new String[0]
                : in.kinds().stream().distinct().map(ChangeKind::name).toArray(String[]::new);
        s.employerId = employerId;
    }

    @Transactional
    public List<SubscriptionView> list(Caller caller) {
        List<Subscription> found = caller.isAdmin()
                ? Subscription.list("order by id")
                : Subscription.list("clientId = ?1 order by id", caller.clientId());
        return found.stream().map(SubscriptionView::of).toList();
    }

    @Transactional
    public Optional<Versioned<SubscriptionView>> get(Caller caller, long id) {
        return own(caller, id).map(SubscriptionService::versioned);
    }

    @Transactional
    public Optional<List<AttemptView>> attempts(Caller caller, long id) {
        return own(caller, id)
                .map(s ->
                        Attempt.<Attempt>find("subscriptionId = ?1 order by id desc", s.id).page(0, 100).list().stream()
                                .map(AttemptView::of)
                                .toList());
    }

    /**
     * A new secret, shown once; the one it replaces goes on signing beside it for a day ({@link #ROTATION_OVERLAP}),
     * so the receiver can take the new one without losing a delivery.
     */
    @Transactional
    public Optional<SubscriptionCreated> rotate(Caller caller, long id) {
        return own(caller, id).map(s -> {
            String secret = secrets.generate();
            s.previousSecret = s.secret;
            s.previousUntil = OffsetDateTime.now(clock).plus(ROTATION_OVERLAP);
            s.secret = secrets.encrypt(secret);
            touch(s);
            return new SubscriptionCreated(SubscriptionView.of(s), secret);
        });
    }

    /**
     * Everything after this cursor of the change feed is sent again, in order (events outside the webhook's scope
     * still are not); a paused webhook stays paused, a disabled one is active again.
     */
    @Transactional
    public Optional<Versioned<SubscriptionView>> redeliver(Caller caller, long id, ChangeFeed.Cursor after) {
        return own(caller, id).map(s -> {
            s.cursorTx = after.tx();
            s.cursorSeq = after.seq();
            s.failures = 0;
            s.nextAttemptAt = OffsetDateTime.now(clock);
            if (s.state == Subscription.State.disabled) {
                s.state = Subscription.State.active;
                s.disabledReason = null;
            }
            touch(s);
            return versioned(s);
        });
    }

    /**
     * The event of one logged attempt sent again, now (the receiver lost it). Only an event the webhook is past:
     * one after its cursor is still on its way, in order. Empty when there is no such webhook or attempt.
     */
    public Optional<AttemptView> resend(Caller caller, long id, long attemptId) {
        Attempt logged = QuarkusTransaction.requiringNew().call(() -> own(caller, id)
                .flatMap(s -> Attempt.<Attempt>find("id = ?1 and subscriptionId = ?2", attemptId, s.id)
                        .firstResultOptional()
                        .filter(a -> {
                            ChangeFeed.Cursor event = ChangeFeed.Cursor.parse(a.eventCursor);
                            if (event.tx() > s.cursorTx || (event.tx() == s.cursorTx && event.seq() > s.cursorSeq)) {
                                throw Problems.conflict(
                                        Messages.text("problem.webhook.not-yet-delivered", a.eventCursor));
                            }
                            return true;
                        }))
                .orElse(null));
        if (logged == null) {
            return Optional.empty();
        }
        long attempts = QuarkusTransaction.requiringNew()
                .call(() -> Attempt.count("subscriptionId = ?1 and messageId = ?2", id, logged.messageId));
        Attempt sent = deliverer
                .resend(id, logged.eventCursor, (int) attempts + 1)
                .orElseThrow(() ->
                        Problems.conflict(Messages.text("problem.webhook.event-out-of-scope", logged.eventCursor)));
        return Optional.of(AttemptView.of(sent));
    }

    /** Paused: nothing is sent until resumed, and then what came meanwhile, in order. */
    @Transactional
    public Optional<Versioned<SubscriptionView>> pause(Caller caller, long id) {
        return own(caller, id).map(s -> {
            if (s.state == Subscription.State.active) {
                s.state = Subscription.State.paused;
                touch(s);
            }
            return versioned(s);
        });
    }

    /** Active again, a disabled one too: its failed event is tried at once, with a fresh count of retries. */
    @Transactional
    public Optional<Versioned<SubscriptionView>> resume(Caller caller, long id) {
        return own(caller, id).map(s -> {
            if (s.state != Subscription.State.active) {
                s.state = Subscription.State.active;
                s.disabledReason = null;
                s.failures = 0;
                s.nextAttemptAt = OffsetDateTime.now(clock);
                touch(s);
            }
            return versioned(s);
        });
    }

    @Transactional
    public boolean delete(Caller caller, long id) {
        return own(caller, id)
                .map(s -> {
                    s.delete();
                    return true;
                })
                .orElse(false);
    }

    private Optional<Subscription> own(Caller caller, long id) {
        return Subscription.<Subscription>findByIdOptional(id)
                .filter(s -> caller.isAdmin() || s.clientId == caller.clientId());
    }

    private static Versioned<SubscriptionView> versioned(Subscription s) {
        return new Versioned<>(SubscriptionView.of(s), s.version);
    }

    private void touch(Subscription s) {
        s.version++;
        s.updatedAt = OffsetDateTime.now(clock);
    }
}
