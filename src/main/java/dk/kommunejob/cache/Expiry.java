package dk.kommunejob.cache;

import dk.kommunejob.common.Copenhagen;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * When public answers stop being true with nobody writing: the second after the next open
 * posting's deadline (it closes, leaves the open lists and changes every total), and midnight in
 * Copenhagen (every {@code daysLeft} ticks). Looked up once per data generation and deadline.
 */
@ApplicationScoped
public class Expiry {

    @Inject
    EntityManager em;

    @Inject
    DataVersion version;

    @Inject
    Clock clock;

    private volatile Validity last = new Validity(-1, 0, 0);

    /** The generation and the second now: taken before reading, so what is read is no older. */
    public Validity.Reading reading() {
        return new Validity.Reading(version.generation(), now());
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /**
     * How long what was read in this reading stays true. Known without a statement until the data changes or the
     * next deadline passes, and then without a transaction either: every answer that misses the cache asks, and a
     * transaction around the lookup cost more than the lookup.
     */
    public Validity of(Validity.Reading reading) {
        Validity known = last;
        if (known.holds(reading.generation(), reading.at())) {
            return known;
        }
        return QuarkusTransaction.joiningExisting().call(() -> lookUp(reading));
    }

    private Validity lookUp(Validity.Reading reading) {
        OffsetDateTime from = OffsetDateTime.ofInstant(Instant.ofEpochSecond(reading.at()), ZoneOffset.UTC);
        OffsetDateTime deadline = (OffsetDateTime) em.createNativeQuery(
                        """
                        SELECT min(application_deadline) FROM position
                        WHERE status = 'published' AND closed_at IS NULL AND application_deadline >= :from
                          AND closed_announced_for IS DISTINCT FROM application_deadline""",
                        OffsetDateTime.class)
                .setParameter("from", from)
                .getSingleResult();
        long midnight = Copenhagen.startOfDay(
                        LocalDate.ofInstant(from.toInstant(), Copenhagen.ZONE).plusDays(1))
                .toEpochSecond();
        long until = deadline == null ? midnight : Math.min(midnight, deadline.toEpochSecond() + 1);
        Validity validity = new Validity(reading.generation(), reading.at(), until);
        last = validity;
        return validity;
    }
}
