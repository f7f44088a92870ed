package dk.kommunejob.metrics;

import dk.kommunejob.outage.DatabaseOutage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the data looks like, for dashboards: how many postings are open, and how far the change feed
 * has come (its newest sequence number; a sync client's lag is the distance to it). Read every 15 s
 * rather than on each scrape, so a scrape never waits for the database.
 */
@ApplicationScoped
public class DataGauges {

    private final AtomicLong openPositions = new AtomicLong();
    private final AtomicLong changeFeedHead = new AtomicLong();

    @Inject
    EntityManager em;

    @Inject
    DatabaseOutage outage;

    void register(@Observes StartupEvent event, MeterRegistry metrics) {
        Gauge.builder("jobs.positions.open", openPositions, AtomicLong::get)
                .description("Published postings whose application deadline has not passed")
                .register(metrics);
        Gauge.builder("jobs.changes.head", changeFeedHead, AtomicLong::get)
                .description("Sequence number of the newest event in the change feed")
                .register(metrics);
    }

    /** During an outage the last figures stand. */
    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        outage.whenAvailable(this::read);
    }

    @Transactional
    void read() {
        Object[] row = (Object[]) em.createNativeQuery(
                        """
                            SELECT (SELECT count(*) FROM position
                                    WHERE status = 'published' AND application_deadline > now()),
                                   (SELECT coalesce(max(seq), 0) FROM change_event)""")
                .getSingleResult();
        openPositions.set(((Number) row[0]).longValue());
        changeFeedHead.set(((Number) row[1]).longValue());
    }
}
