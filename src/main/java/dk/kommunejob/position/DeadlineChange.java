package dk.kommunejob.position;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** A deadline moved later: applicants see that it was extended, and from when. */
@Embeddable
public class DeadlineChange {

    @Column(name = "previous_deadline")
    public OffsetDateTime previousDeadline;

    @Column(name = "new_deadline")
    public OffsetDateTime newDeadline;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    protected DeadlineChange() {}

    public DeadlineChange(OffsetDateTime previousDeadline, OffsetDateTime newDeadline, OffsetDateTime changedAt) {
        this.previousDeadline = previousDeadline;
        this.newDeadline = newDeadline;
        this.changedAt = changedAt;
    }
}
