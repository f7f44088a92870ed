package dk.kommunejob.sync;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.outage.DatabaseOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** `closed` events also for postings whose deadline passes without anyone writing. */
@Startup // so its counter is there from the start, not from its first run
@ApplicationScoped
public class DeadlineWatcher {

    @Inject
    ChangeEvents events;

    @Inject
    Clock clock;

    @Inject
    DatabaseOutage outage;

    private final Counter checks;

    DeadlineWatcher(MeterRegistry metrics) {
        checks = metrics.counter("jobs.deadline.checks");
    }

    @Scheduled(every = "${jobs.deadline-check-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        outage.whenAvailable(() -> {
            events.announcePassedDeadlines(Copenhagen.now(clock));
            checks.increment();
        });
    }
}
