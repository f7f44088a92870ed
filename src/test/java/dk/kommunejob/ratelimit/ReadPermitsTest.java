package dk.kommunejob.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadPermitsTest {

    private final ReadPermits permits = new ReadPermits(2, Duration.ofSeconds(30));

    private UniAssertSubscriber<Void> enter(ReadPermits.Ticket ticket) {
        return permits.enter(ticket).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void pastTheBoundARequestWaitsUntilOneEndsFirstComeFirstServed() {
        ReadPermits.Ticket first = permits.ticket();
        ReadPermits.Ticket second = permits.ticket();
        enter(first).assertCompleted();
        enter(second).assertCompleted();
        UniAssertSubscriber<Void> third = enter(permits.ticket());
        UniAssertSubscriber<Void> fourth = enter(permits.ticket());
        third.assertNotTerminated();
        assertEquals(2, permits.waiting());

        first.ended();
        third.assertCompleted();
        fourth.assertNotTerminated();
        second.ended();
        fourth.assertCompleted();
        assertEquals(2, permits.held());
        assertEquals(0, permits.waiting());
    }

    @Test
    void aRequestThatEndsWhileWaitingGivesUpItsPlaceAndTakesNoPermit() {
        ReadPermits.Ticket first = permits.ticket();
        enter(first).assertCompleted();
        enter(permits.ticket()).assertCompleted();
        ReadPermits.Ticket gone = permits.ticket();
        UniAssertSubscriber<Void> waiting = enter(gone);
        UniAssertSubscriber<Void> next = enter(permits.ticket());

        gone.ended(); // its client went away
        first.ended();
        next.assertCompleted();
        waiting.assertNotTerminated();
        assertEquals(2, permits.held());
        // Ending twice (an end handler and a close) gives back one permit, once.
        first.ended();
        assertEquals(2, permits.held());
    }

    @Test
    void aRequestWaitingLongerThanTheBoundIsGivenUp() {
        ReadPermits short_ = new ReadPermits(1, Duration.ofMillis(50));
        assertTrue(short_.enter(short_.ticket()).await().atMost(Duration.ofSeconds(1)) == null);
        ReadPermits.Ticket late = short_.ticket();
        UniAssertSubscriber<Void> waiting = short_.enter(late).subscribe().withSubscriber(UniAssertSubscriber.create());
        Throwable failure = waiting.awaitFailure(Duration.ofSeconds(2)).getFailure();
        assertInstanceOf(ReadPermits.Busy.class, failure);
        assertEquals(0, short_.waiting());
        assertFalse(short_.held() == 0, "the first still holds its permit");
    }
}
