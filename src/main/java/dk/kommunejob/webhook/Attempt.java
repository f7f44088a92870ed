package dk.kommunejob.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.OffsetDateTime;

/** One attempt at sending one event to one webhook: the delivery log's line (migration V11). */
@Entity
@Table(name = "webhook_attempt")
public class Attempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id")
    public long subscriptionId;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "event_cursor")
    public String eventCursor;

    public int attempt;

    @Column(name = "attempted_at")
    public OffsetDateTime attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms")
    public int latencyMs;

    public String result;

    public String error;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** What the receiver asked for in Retry-After; not kept. */
    @Transient
    Duration retryAfter;

    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
