package dk.kommunejob.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitActivityTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong compiledMillis = new AtomicLong(5_000);
    private final JitActivity jit = new JitActivity(compiledMillis::get, 0);

    @Test
    void aWindowWithTheCompilersBusyIsNotSettledAndOneWithLittleCompilingIs() {
        compiledMillis.addAndGet(3_000); // 3 s of compiling in a 4 s window: busy
        assertFalse(jit.settled(JitActivity.WINDOW_NANOS));
        assertEquals(0.75, jit.lastShare(), 1e-9);

        compiledMillis.addAndGet(400); // 0.4 s in the next: a tenth of a core
        assertTrue(jit.settled(2 * JitActivity.WINDOW_NANOS));
        assertEquals(0.1, jit.lastShare(), 1e-9);
    }

    @Test
    void aWindowNotYetOverIsNotJudgedSoALateTimerNeverMakesOneWindowOfTwo() {
        assertFalse(jit.settled(SECOND));
        assertTrue(Double.isNaN(jit.lastShare()), "no whole window yet");
        assertFalse(jit.settled(3 * SECOND));

        compiledMillis.addAndGet(100);
        assertTrue(jit.settled(4 * SECOND + SECOND / 10));

        compiledMillis.addAndGet(3_500); // the next window starts where the last one was judged
        assertFalse(jit.settled(8 * SECOND));
        assertFalse(jit.settled(8 * SECOND + SECOND / 10 + 1));
        assertEquals(3_500 * 1_000_000.0 / (4 * SECOND + 1), jit.lastShare(), 1e-9);
    }

    @Test
    void theShareIsOfOneCoresTimeSoTwoBusyCompilersCountTwice() {
        compiledMillis.addAndGet(8_000);
        assertFalse(jit.settled(JitActivity.WINDOW_NANOS));
        assertEquals(2.0, jit.lastShare(), 1e-9);
    }
}
