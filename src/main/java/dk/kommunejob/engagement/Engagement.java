package dk.kommunejob.engagement;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.organisation.Employer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An employer's engagement of a recruitment agency: the agency acts for the employer on these days. */
@Entity
public class Engagement extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "engagement_seq")
    @SequenceGenerator(name = "engagement_seq", sequenceName = "engagement_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employer_id")
    public Employer employer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    /** The last day, included; open-ended when null. */
    @Column(name = "ends_on")
    public LocalDate endsOn;

    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public Long createdBy;

    boolean activeOn(LocalDate day) {
        return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
}
