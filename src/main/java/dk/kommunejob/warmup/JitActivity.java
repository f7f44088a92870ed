package dk.kommunejob.warmup;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Whether the JIT has settled: its compilers were busy for less than a share of the last window. On two cores the
 * compilers keep compiling a replica's request paths for a minute or more; ending the warm-up at a fixed time leaves
 * that work for the first visitors on a slow machine and waits for nothing on a fast one (bench/README.md, "Time to
 * peak").
 */
final class JitActivity {

    /** The compilers busy less than a fifth of one core's time: what is left is the odd method, not a request path. */
    static final double SETTLED_SHARE = 0.2;

    /** Long enough that one large C2 compilation does not look like a busy JIT, short enough to end soon after. */
    static final long WINDOW_NANOS = 4_000_000_000L;

    private final LongSupplier compileMillis;
    private long windowStart;
    private long compiledAtWindowStart;
    private double lastShare = Double.NaN;

    JitActivity(LongSupplier compileMillis, long now) {
        this.compileMillis = compileMillis;
        this.windowStart = now;
        this.compiledAtWindowStart = compileMillis.getAsLong();
    }

    /** The JVM's own count: the time its compiler threads have spent compiling, summed over them. */
    static JitActivity ofThisJvm(long now) {
        return new JitActivity(ManagementFactory.getCompilationMXBean()::getTotalCompilationTime, now);
    }

    /**
     * Whether the window that ended now was a settled one; a window not yet over is not. Asked more often than once a
     * window, so that a timer's lateness never stretches a window to two.
     */
    boolean settled(long now) {
        long elapsed = now - windowStart;
        if (elapsed < WINDOW_NANOS) {
            return false;
        }
        long compiled = compileMillis.getAsLong();
        lastShare = (compiled - compiledAtWindowStart) * 1_000_000.0 / elapsed;
        windowStart = now;
        compiledAtWindowStart = compiled;
        return lastShare < SETTLED_SHARE;
    }

    /** The compilers' share of the last whole window (1.0: one core's time), NaN before the first. */
    double lastShare() {
        return lastShare;
    }
}
