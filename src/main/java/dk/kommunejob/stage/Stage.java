package dk.kommunejob.stage;

import dk.kommunejob.position.Position;
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
import java.time.LocalDate;
import java.time.LocalTime;

/** A step of the recruitment process ("Processens forløb"): interviews, tests, references, meetings. */
@Entity
public class Stage extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "stage_seq")
    @SequenceGenerator(name = "stage_seq", sequenceName = "stage_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id")
    public Position position;

    public int ord;

    @Enumerated(EnumType.STRING)
    public StageKind kind;
    /** As the posting writes it: "1. samtaler". */
    public String label;

    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    public String location;
    public String note;

    protected Stage() {}

    public Stage(
            StageKind kind,
            String label,
            LocalDate date,
            LocalTime startTime,
            LocalTime endTime,
            String location,
            String note) {
        this.kind = kind;
        this.label = label;
        this.date = date;
        this.startTime = startTime;
        this.endTime = endTime;
        this.location = location;
        this.note = note;
    }
}
