import deepgrid.data.DataLoader;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import deepgrid.nn.Network;
import deepgrid.nn.NetworkBuilder;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.results.Columns;
import deepgrid.run.results.Csv;
import deepgrid.train.BoundaryMap;
import deepgrid.train.BoundaryPoints;
import deepgrid.train.ConfusionMatrix;
import deepgrid.train.DiagnosticsSpec;
import deepgrid.train.EpochMetrics;
import deepgrid.train.HealthEvent;
import deepgrid.train.Histogram;
import deepgrid.train.LayerMetrics;
import deepgrid.train.TrainingLog;
import deepgrid.train.Trainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the diagnostics cost on experiments/fashion-mnist-mlp.yaml (784-100-10 ReLU, 5 epochs):
 * the same run trained in one JVM with diagnostics off, with every diagnostic on (the default),
 * and on with histograms at every epoch, in turns. Every record is formatted as its CSV rows,
 * as the run's recorder does (the characters are counted; the disk writes themselves are left out).
 * Measured in CPU time of the training thread, which a busy shared machine disturbs far less
 * than wall-clock time; medians over the repetitions. The cost is a share of the run's training
 * time without diagnostics (its gradient steps and evaluation passes, all in that one thread:
 * OpenBLAS runs single-threaded in the caller's thread).
 * Run from the project root after building the jar:
 *   java -cp target/deepgrid.jar bench/DiagnosticsCost.java [repetitions, default 5]
 */
public final class DiagnosticsCost {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Formats every record as CSV rows, like the run recorder, and counts the characters. */
    static final class Formatting implements TrainingLog {
        long chars;
        double stepSeconds; // the epochs' own gradient-step time, as metrics.csv's seconds

        @Override
        public void epoch(EpochMetrics m) {
            chars += Csv.row(Columns.metricsRow(m)).length();
            stepSeconds += m.timing().seconds();
        }

        @Override
        public void layers(List<LayerMetrics> rows) {
            rows.forEach(r -> chars += Csv.row(Columns.layerRow(r)).length());
        }

        @Override
        public void histograms(List<Histogram> histograms) {
            histograms.forEach(h -> Columns.histogramRows(h).forEach(r -> chars += Csv.row(r).length()));
        }

        @Override
        public void boundaryPoints(BoundaryPoints points) {
            Columns.boundaryPointRows(points).forEach(r -> chars += Csv.row(r).length());
        }

        @Override
        public void boundary(BoundaryMap map) {
            Columns.boundaryRows(map).forEach(r -> chars += Csv.row(r).length());
        }

        @Override
        public void event(HealthEvent e) {
            chars += Csv.row(Columns.eventRow(e)).length();
        }

        @Override
        public void confusion(ConfusionMatrix m) {
            Columns.confusionRows(m).forEach(r -> chars += Csv.row(r).length());
            Columns.mistakeRows(m).forEach(r -> chars += Csv.row(r).length());
        }
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DataLoader loader = new DataLoader();
        RunSpec run = Planner.plan(Path.of("experiments/fashion-mnist-mlp.yaml"), List.of(), loader::load).runs().get(0);
        Splits splits = loader.load(run.spec().data());
        DiagnosticsSpec all = run.spec().diagnostics();
        int epochs = run.spec().training().epochs();
        var everyEpoch = new DiagnosticsSpec.Histograms(new DiagnosticsSpec.Snapshots(
                new java.util.TreeSet<>(java.util.stream.IntStream.rangeClosed(0, epochs).boxed().toList()),
                DiagnosticsSpec.Snapshots.Last.INCLUDED), all.histograms().bins());
        Map<String, DiagnosticsSpec> settings = new LinkedHashMap<>();
        settings.put("off", DiagnosticsSpec.none());
        settings.put("all on (default)", all);
        settings.put("all on, histograms every epoch", new DiagnosticsSpec(all.on(), all.probe(), everyEpoch,
                all.boundary(), all.confusion(), all.events()));
        Map<String, List<double[]>> measured = new LinkedHashMap<>();
        settings.keySet().forEach(k -> measured.put(k, new ArrayList<>()));
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long chars = 0;
        train(run, splits, all); // warm-up: JIT
        for (int rep = 0; rep < reps; rep++) {
            List<String> names = new ArrayList<>(settings.keySet());
            java.util.Collections.rotate(names, -rep); // the order rotates, so load changes hit all alike
            for (String name : names) {
                double[] m = train(run, splits, settings.get(name));
                measured.get(name).add(m);
                chars += (long) m[3];
            }
            System.err.printf(Locale.ROOT, "rep %d done, load %s%n", rep + 1,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
        double offCpu = median(measured.get("off"), 0);
        System.out.printf(Locale.ROOT, "| setting | CPU seconds of the run (median of %d) | wall-clock seconds |"
                + " cost (CPU) | share of the run without diagnostics |%n|---|---|---|---|---|%n", reps);
        for (String name : settings.keySet()) {
            double cpu = median(measured.get(name), 0);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.3f s | %+.1f%% |%n", name, cpu,
                    median(measured.get(name), 1), cpu - offCpu, 100 * (cpu - offCpu) / offCpu);
        }
        System.out.printf(Locale.ROOT, "%nload average %s → %s; %d characters of CSV formatted; %s%n", load,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], chars, java.time.LocalDate.now());
    }

    /** CPU seconds of one training, its wall-clock seconds, the wall-clock seconds of its gradient steps, characters. */
    private static double[] train(RunSpec run, Splits splits, DiagnosticsSpec d) {
        Rng rng = new Rng(run.spec().seed());
        Network net = NetworkBuilder.build(run.spec().model().layers(), run.spec().model().loss(),
                splits.train().features(), rng);
        Trainer trainer = new Trainer(net, splits, run.spec().training(), rng);
        Formatting log = new Formatting();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        trainer.run(log, d);
        return new double[] {(CPU.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9,
            log.stepSeconds, log.chars};
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
