package dk.kommunejob.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Whether a posting is open depends on the time; tests replace this clock to move it. */
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(Copenhagen.ZONE);
    }
}
