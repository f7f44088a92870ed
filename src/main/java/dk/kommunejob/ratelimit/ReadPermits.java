package dk.kommunejob.ratelimit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on the reads that run at once, waited for without holding a thread: a request past the bound waits its
 * turn, first come first served, and is given up after a while. A permit is held from its grant until its request
 * ends ({@link Ticket#ended}), whether answered or abandoned by its client.
 */
final class ReadPermits {

    private final int atOnce;
    private final Duration longestWait;
    private final AtomicInteger held = new AtomicInteger();
    private final ConcurrentLinkedQueue<Ticket> waiting = new ConcurrentLinkedQueue<>();

    ReadPermits(int atOnce, Duration longestWait) {
        this.atOnce = atOnce;
        this.longestWait = longestWait;
    }

    /** One request's place: granted, waiting, or ended. */
    final class Ticket {
        private UniEmitter<? super Void> emitter;
        private boolean granted;
        private boolean ended;

        /** Its request ended: the permit goes to the next in line, or its place in line is given up. */
        synchronized void ended() {
            ended = true;
            waiting.remove(this);
            if (granted) {
                granted = false;
                release();
            }
        }

        private synchronized boolean grant() {
            if (ended || emitter == null) {
                return false;
            }
            granted = true;
            emitter.complete(null);
            return true;
        }

        private synchronized void giveUp() {
            waiting.remove(this);
            emitter = null;
        }
    }

    Ticket ticket() {
        return new Ticket();
    }

    /** Completes once the ticket holds a permit; fails with {@link Busy} after the longest wait. */
    Uni<Void> enter(Ticket ticket) {
        return Uni.createFrom()
                .<Void>emitter(emitter -> {
                    synchronized (ticket) {
                        ticket.emitter = emitter;
                    }
                    if (tryTake()) {
                        if (!ticket.grant()) {
                            release();
                        }
                        return;
                    }
                    waiting.add(ticket);
                    handOver(); // a permit may have come free between the try and joining the line
                })
                .ifNoItem()
                .after(longestWait)
                .failWith(() -> {
                    ticket.giveUp();
                    return new Busy();
                });
    }

    int held() {
        return held.get();
    }

    int waiting() {
        return waiting.size();
    }

    private boolean tryTake() {
        for (int n = held.get(); n < atOnce; n = held.get()) {
            if (held.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void release() {
        held.decrementAndGet();
        handOver();
    }

    private void handOver() {
        while (!waiting.isEmpty() && tryTake()) {
            Ticket next = waiting.poll();
            if (next == null || !next.grant()) {
                held.decrementAndGet(); // nobody (left) to give it to: back, and look again
            }
        }
    }

    /** Waited longer than the bound for a permit. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many reads waiting", null, false, false);
        }
    }
}
