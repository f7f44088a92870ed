package dk.kommunejob.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A directorate, department or unit of an employer; a tree through its parent. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "org_unit_seq")
    @SequenceGenerator(name = "org_unit_seq", sequenceName = "org_unit_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employer_id")
    public Employer employer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OrgUnit parent;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitLevel level;

    /** Closed units keep their postings' history but take no new postings and leave the public tree. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public long version;

    protected OrgUnit() {}

    public OrgUnit(Employer employer, OrgUnit parent, String name, UnitLevel level) {
        this.employer = employer;
        this.parent = parent;
        this.name = name;
        this.level = level;
    }
}
