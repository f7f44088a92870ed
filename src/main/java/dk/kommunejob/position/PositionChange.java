package dk.kommunejob.position;

import dk.kommunejob.client.ApiClient;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One write to a position: who, when, what kind, and the fields it changed. */
@Entity
@Table(name = "position_change")
public class PositionChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "position_change_seq")
    @SequenceGenerator(name = "position_change_seq", sequenceName = "position_change_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id")
    public Position position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    public ApiClient client;

    public OffsetDateTime at;

    public String action;

    /** {"field": {"from": ..., "to": ...}} for each field the write changed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String changes;
}
