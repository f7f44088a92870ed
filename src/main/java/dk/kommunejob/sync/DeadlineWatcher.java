package dk.kommunejob.sync;

import dk.kommunejob.common.Copenhagen;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** `closed` events also for postings whose deadline passes without anyone writing. */
@ApplicationScoped
public class DeadlineWatcher {

    @Inject
    ChangeEvents events;

    @Inject
    Clock clock;

    @Scheduled(every = "${jobs.deadline-check-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        events.announcePassedDeadlines(Copenhagen.now(clock));
    }
}
