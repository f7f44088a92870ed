package dk.kommunejob.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client's subscription to the change feed, with its place in it (migration V11). */
@Entity
@Table(name = "webhook_subscription")
// The API sets only what it changed, so it never writes back a cursor the deliverer moved meanwhile (with plain
// statements, bench/README.md).
@DynamicUpdate
public class Subscription extends PanacheEntityBase {

    public enum State {
        active,
        paused,
        disabled
    }

    @Id
    @GeneratedValue(generator = "webhook_subscription_seq")
    @SequenceGenerator(
            name = "webhook_subscription_seq",
            sequenceName = "webhook_subscription_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "client_id")
    public long clientId;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] kinds;

    @Column(name = "employer_id")
    public Long employerId;

    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_until")
    public OffsetDateTime previousUntil;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "cursor_tx")
    public long cursorTx;

    @Column(name = "cursor_seq")
    public long cursorSeq;

    public int failures;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
