package deepgrid.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Schedules against hand values and against PyTorch's schedulers (fixture, 1e-12 relative). */
class ScheduleTest {
    @Test
    void handValues() {
        assertEquals(0.1, new Schedule.Constant().lr(0.1, 7, 10));
        // ⌊7/3⌋ = 2 halvings
        assertEquals(0.025, new Schedule.Step(3, 0.5).lr(0.1, 7, 10), 1e-17);
        assertEquals(0.1, new Schedule.Step(3, 0.5).lr(0.1, 2, 10));
        assertEquals(0.0125, new Schedule.Exponential(0.5).lr(0.1, 3, 10), 1e-17);
        assertEquals(0.1, new Schedule.Cosine().lr(0.1, 0, 10));
        // half-way down the cosine: ½(1 + cos(π/2)) = ½
        assertEquals(0.05, new Schedule.Cosine().lr(0.1, 5, 10), 1e-17);
        // a one-epoch run trains at the full rate
        assertEquals(0.1, new Schedule.Cosine().lr(0.1, 0, 1));
    }

    static Stream<Arguments> pytorch() {
        return OptimizerFixture.list("schedules").stream().map(s -> Arguments.of(s.get("name").asText(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorch")
    void matchesPyTorch(String name, JsonNode s) {
        Schedule schedule = schedule(s.get("schedule"));
        assertEquals(name, schedule.name());
        double baseLr = s.get("base_lr").doubleValue();
        int epochs = s.get("epochs").intValue();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double expected = s.get("lrs").get(epoch).doubleValue();
            assertEquals(expected, schedule.lr(baseLr, epoch, epochs), 1e-12 * expected, name + " epoch " + epoch);
        }
    }

    private static Schedule schedule(JsonNode n) {
        switch (n.get("type").asText()) {
            case "step": return new Schedule.Step(n.get("every").intValue(), n.get("factor").doubleValue());
            case "exponential": return new Schedule.Exponential(n.get("gamma").doubleValue());
            case "cosine": return new Schedule.Cosine();
            default: throw new IllegalArgumentException("unknown schedule in fixture: " + n);
        }
    }

    @Test
    void invalidValuesAreNamed() {
        assertEquals("every: found 0, expected an integer ≥ 1",
                assertThrows(IllegalArgumentException.class, () -> new Schedule.Step(0, 0.5)).getMessage());
        assertEquals("gamma: found 0, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> new Schedule.Exponential(0)).getMessage());
        assertEquals("epoch: found 10, expected an integer ≥ 0 and < 10",
                assertThrows(IllegalArgumentException.class, () -> new Schedule.Cosine().lr(0.1, 10, 10)).getMessage());
    }
}
