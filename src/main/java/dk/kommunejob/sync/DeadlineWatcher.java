package dk.kommunejob.sync;

import dk.kommunejob.common.Copenhagen;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/** `closed` events also for postings whose deadline passes without anyone writing. */
@ApplicationScoped
public class DeadlineWatcher {

    @Inject
    ChangeEvents events;

    @Inject
    Clock clock;

    private Counter checks;

    void register(@Observes StartupEvent event, MeterRegistry metrics) {
        checks = metrics.counter("jobs.deadline.checks");
    }

    @Scheduled(every = "${jobs.deadline-check-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        events.announcePassedDeadlines(Copenhagen.now(clock));
        checks.increment();
    }
}
