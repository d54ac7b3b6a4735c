package deepgrid.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The helper threads that share a product: every part runs once, failures reach the caller, and they can be reused. */
class WorkersTest {

    @Test
    void runsEveryPartOnceAndCanBeReused() throws InterruptedException {
        Workers w = new Workers(2);
        for (int round = 0; round < 1000; round++) {
            AtomicIntegerArray calls = new AtomicIntegerArray(3);
            w.run(3, calls::incrementAndGet);
            assertArrayEquals(new int[] {1, 1, 1}, new int[] {calls.get(0), calls.get(1), calls.get(2)});
            if (round == 500) {
                Thread.sleep(Workers.SPIN_NANOS / 1_000_000 + 5); // let the helpers park, then wake them
            }
        }
    }

    @Test
    void aHelpersFailureReachesTheCaller() {
        Workers w = new Workers(1);
        var e = assertThrows(IllegalStateException.class, () -> w.run(2, i -> {
            if (i == 1) {
                throw new IllegalStateException("part 1 failed");
            }
        }));
        assertEquals("part 1 failed", e.getMessage());
        AtomicIntegerArray calls = new AtomicIntegerArray(2);
        w.run(2, calls::incrementAndGet); // still usable
        assertEquals(1, calls.get(1));
    }

    @Test
    void noMorePartsThanThreads() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Workers(1).run(3, i -> { }));
        assertEquals("parts is 3, expected ≤ 2", e.getMessage());
    }
}
