package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.data.DataLoader;
import deepgrid.report.Report;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.queue.Launcher;
import deepgrid.run.queue.LocalLauncher;
import deepgrid.run.queue.Progress;
import deepgrid.run.queue.Queue;
import deepgrid.run.results.Csv;
import deepgrid.run.results.ResultsFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same file gives byte-identical summary.csv and comparisons.csv whatever order its runs
 * finish in (Hydra and MLflow users expect the same): runs finishing in plan order (one job),
 * in reverse plan order, and with {@code --jobs 2}; and {@code deepgrid report} afterwards
 * writes the same bytes again. The grid's first path lists tanh before relu, so a report
 * that followed the order runs finished would put relu first and orient its pairs relu → tanh.
 */
class CompletionOrderTest {
    private static final String FILE = """
            name: order
            seed: 5
            repeats: 3
            data: {source: spiral, samples: 30, validation: 0.2}
            model:
              init: he_normal
              layers:
                - dense: 8
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 3, batch_size: 16}
            grid:
              model.layers[*].activation: [tanh, relu]
            """;
    private static final List<String> DERIVED = List.of(ResultsFolder.SUMMARY_CSV, ResultsFolder.COMPARISONS_CSV);

    @TempDir
    Path tmp;

    @Test
    void theStatisticsDoNotDependOnTheOrderRunsFinishIn() throws IOException {
        Path file = Files.writeString(tmp.resolve("order.yaml"), FILE);
        Path inPlanOrder = run(file, tmp.resolve("in-order"), false);
        Path reversed = run(file, tmp.resolve("reversed"), true);
        Path twoJobs = tmp.resolve("two-jobs");
        StringWriter err = new StringWriter();
        assertEquals(Main.OK, Main.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), "run",
                file.toString(), "--out", twoJobs.toString(), "--jobs", "2"), err.toString());

        Map<String, String> expected = derived(inPlanOrder.resolve("order"));
        assertEquals(expected, derived(reversed.resolve("order")), "runs finished last planned first");
        assertEquals(expected, derived(twoJobs.resolve("order")), "--jobs 2");
        assertEquals(Main.OK, Main.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), "report",
                reversed.resolve("order").toString()), err.toString());
        assertEquals(expected, derived(reversed.resolve("order")), "deepgrid report after the run");

        List<Map<String, String>> points = Csv.read(inPlanOrder.resolve("order/summary.csv"));
        assertEquals(List.of("tanh", "relu"), points.stream().map(p -> p.get("model.layers[*].activation")).toList(),
                "the file's order");
        Map<String, String> first = Csv.read(inPlanOrder.resolve("order/comparisons.csv")).get(0);
        assertEquals(List.of("model.layers[*].activation", "tanh", "relu"),
                List.of(first.get("path"), first.get("value_a"), first.get("value_b")));
    }

    /** Runs {@code file} into {@code out} with one job, the runs finishing in plan order or in reverse. */
    private static Path run(Path file, Path out, boolean reverse) throws IOException {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Queue queue = new Queue(new DataLoader(), out, Report::rebuild); // as RunCommand wires it
        List<Planner.Plan> plans = queue.plan(List.of(file), List.of());
        Progress progress = new Progress(quiet, 0, 1, Progress.Mode.LINES);
        Launcher one = new LocalLauncher(queue.loader(), 1, progress);
        Launcher launcher = reverse ? new LastPlannedFirst(one, plans.get(0).sweep().expected()) : one;
        Queue.Outcome o = queue.run(plans, launcher, Queue.Start.FRESH, progress, quiet);
        assertEquals(6, o.completed(), o.toString());
        return out;
    }

    private static Map<String, String> derived(Path experiment) throws IOException {
        return Map.of(DERIVED.get(0), Files.readString(experiment.resolve(DERIVED.get(0))),
                DERIVED.get(1), Files.readString(experiment.resolve(DERIVED.get(1))));
    }

    /** Takes every run first, then trains them one at a time, the last planned first: they finish in reverse plan order. */
    private static final class LastPlannedFirst implements Launcher {
        private final Launcher inner;
        private final int total;
        private final Deque<Map.Entry<RunSpec, ResultsFolder>> taken = new ArrayDeque<>();
        private int handed;

        LastPlannedFirst(Launcher inner, int total) {
            this.inner = inner;
            this.total = total;
        }

        @Override
        public int room() {
            return handed < total ? 1 : 0;
        }

        @Override
        public void launch(RunSpec run, ResultsFolder folder) {
            taken.push(Map.entry(run, folder));
            handed++;
        }

        @Override
        public List<Event> await(long millis) throws InterruptedException {
            if (handed == total && !taken.isEmpty() && inner.room() > 0) {
                var next = taken.pop();
                inner.launch(next.getKey(), next.getValue());
            }
            return inner.await(millis);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
