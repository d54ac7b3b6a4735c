package deepgrid.cli;

import deepgrid.config.ExperimentSpec;
import deepgrid.data.DataLoader;
import deepgrid.data.Splits;
import deepgrid.math.Kernel;
import deepgrid.math.Rng;
import deepgrid.nn.GradientCheck;
import deepgrid.nn.Network;
import deepgrid.nn.NetworkBuilder;
import deepgrid.nn.Penalty;
import deepgrid.run.Planner;
import deepgrid.run.queue.Queue;
import deepgrid.train.Encoded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrid gradcheck FILE}: builds the file's (first) network and compares its
 * backprop gradients with central finite differences on a few training samples, leaving out
 * samples that sit on a kink (see {@link GradientCheck}).
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Compare backprop gradients with finite differences for the network of FILE (its first run).",
            "An entry passes when |a−n| ≤ 1e-9 (rounding noise of the finite difference) or its relative error "
                + "|a−n| / (|a|+|n|) is below the tolerance. Samples that put a pre-activation within 1e-3 of a "
                + "kink (relu at 0, a maxout tie, a hinge at 0) are left out and replaced: finite differences are "
                + "not defined there."})
final class GradcheckCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "FILE")
    private Path file;

    @Option(names = "--samples", defaultValue = "8", description = "Training samples in the checked batch, ≥ 1 (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Largest relative error that passes, a number > 0 (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value before expansion (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new ParameterException(spec.commandLine(), "--samples must be ≥ 1, found " + samples);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new ParameterException(spec.commandLine(),
                    "--tolerance must be a finite number > 0, found " + tolerance);
        }
        DataLoader loader = new DataLoader();
        Planner.Plan plan = new Queue(loader, Path.of("results")).plan(Queue.files(List.of(file)), sets).get(0);
        ExperimentSpec s = plan.runs().get(0).spec();
        Splits splits = loader.load(s.data());
        Network net = NetworkBuilder.build(s.model().layers(), s.model().loss(), splits.train().features(), new Rng(s.seed()));
        Encoded train = Encoded.of(splits.train(), s.model().loss().targets());
        Batch batch = awayFromKinks(net, train, new Rng(s.seed()).split("gradcheck").permutation(train.size()));
        Penalty p = s.training().optimization().penalty();
        GradientCheck check = new GradientCheck(net, batch.rows().x(), batch.rows().targets())
                .withPenalty(p);
        Kernel.notes().forEach(note -> spec.commandLine().getErr().println("deepgrid: note: " + note));
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s on %d samples: an entry passes when |a−n| ≤ 1e-9 or |a−n| / (|a|+|n|) < %s%n",
                net.describe(), batch.rows().size(), tolerance);
        if (batch.skipped() > 0) {
            out.printf(Locale.ROOT, "  (%d sample%s left out: a pre-activation within 1e-3 of a kink, where finite "
                    + "differences are not defined)%n", batch.skipped(), batch.skipped() == 1 ? "" : "s");
        }
        int failed = 0;
        for (GradientCheck.Result r : check.all()) {
            boolean ok = r.passes(tolerance);
            failed += ok ? 0 : 1;
            out.printf("  %-4s %s%n", ok ? "ok" : "FAIL", r.describe());
        }
        out.println(failed == 0 ? "all gradients match" : failed + (failed == 1 ? " tensor differs" : " tensors differ")
                + " from finite differences beyond both tolerances: the backward pass of a layer or loss"
                + " disagrees with its forward pass");
        out.flush();
        return failed == 0 ? Main.OK : Main.RUN_FAILED;
    }

    /** The checked batch and how many samples were left out for sitting on a kink. */
    private record Batch(Encoded rows, int skipped) {
    }

    /**
     * The first {@code samples} rows of {@code order}, where each row that puts the network
     * within {@link GradientCheck#KINK_MARGIN} of a kink is replaced by the next row of the order
     * (batch norm makes every row's pre-activations depend on the batch, hence the loop). After
     * 20·samples candidates it keeps what it has.
     */
    private Batch awayFromKinks(Network net, Encoded train, int[] order) {
        int n = Math.min(samples, train.size());
        int[] chosen = java.util.Arrays.copyOf(order, n);
        int next = n;
        int last = Math.min(order.length, 20 * n); // give up on kink-free rows after this many candidates
        int skipped = 0;
        while (true) {
            Encoded rows = train.rows(chosen, 0, chosen.length);
            List<Integer> near = GradientCheck.rowsNearKinks(net, rows.x(), rows.targets());
            if (near.isEmpty() || near.size() == chosen.length && next >= last) {
                return new Batch(rows, skipped);
            }
            skipped += near.size();
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < chosen.length; i++) {
                if (!near.contains(i)) {
                    kept.add(chosen[i]);
                }
            }
            while (kept.size() < n && next < last) {
                kept.add(order[next++]);
            }
            chosen = kept.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
