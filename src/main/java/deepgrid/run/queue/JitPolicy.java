package deepgrid.run.queue;

import deepgrid.config.ExperimentSpec;
import deepgrid.data.DataLoader;
import deepgrid.data.Splits;
import deepgrid.nn.LayerSpec;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.ObjectName;

/**
 * Whether this process does without the JIT's optimising compiler (C2). A grid of hundreds
 * of runs of milliseconds each (XOR, the logic tables) spends most of its CPU compiling, not
 * training: without C2 its CPU time halves (bench/tiny-grids), while a run on real data is
 * far slower without it (Fashion-MNIST epochs: 57%). So C2 is left out only when the whole
 * planned training is tiny: under {@link #SMALL} multiply-adds, counted from the files before
 * anything trains. It changes no result: Java's arithmetic is the same in every compiler tier.
 * {@code DEEPGRID_JIT=full} keeps C2 whatever the plan; {@code DEEPGRID_JIT=light} leaves it out.
 */
public final class JitPolicy {
    /**
     * Multiply-adds of training and evaluation below which C2 does not pay: 400 XOR runs of the
     * tiny-grids benchmark are ~10⁷ (C2 doubles their CPU), 20 spiral runs of a 2-100-3 net
     * ~3·10⁹ (C2 saves a third of it).
     */
    static final double SMALL = 1e8;
    /** Grid points whose specs are read to estimate the work; the rest are taken to be alike. */
    private static final int SAMPLED_POINTS = 64;

    private JitPolicy() {
    }

    /** Estimated multiply-adds of every planned run: epochs × samples × (forward + backward) of the first points. */
    public static double work(List<Planner.Plan> plans, DataLoader loader) {
        double total = 0;
        for (Planner.Plan p : plans) {
            List<RunSpec> firsts = p.runs().stream().filter(r -> r.repeat() == 0).limit(SAMPLED_POINTS).toList();
            if (firsts.isEmpty()) {
                continue;
            }
            double sum = 0;
            for (RunSpec r : firsts) {
                ExperimentSpec spec = r.spec(); // a planned run binds again each time it is asked
                sum += perRun(spec, loader.load(spec.data()));
            }
            total += sum / firsts.size() * p.sweep().expected();
        }
        return total;
    }

    /** A run's multiply-adds: each epoch trains on the training split (×3: forward and backward) and evaluates every split. */
    static double perRun(ExperimentSpec spec, Splits data) {
        double perSample = perSample(data.train().features(), spec.model().layers());
        double train = data.train().size();
        double all = train + data.validation().size() + data.test().size();
        return (spec.training().epochs() + 1.0) * (3 * train + all) * perSample;
    }

    /** Multiply-adds of one sample's forward pass through {@code layers} from {@code inputs} features. */
    static double perSample(int inputs, List<LayerSpec> layers) {
        double macs = 0;
        int width = inputs;
        for (LayerSpec l : layers) {
            if (l instanceof LayerSpec.DenseSpec d) {
                macs += (double) width * d.units();
                width = d.units();
            } else if (l instanceof LayerSpec.MaxoutSpec m) {
                macs += (double) width * m.units() * m.pieces();
                width = m.units();
            }
        }
        return macs;
    }

    /** Whether C2 should be left out for {@code work} multiply-adds, {@code setting} being DEEPGRID_JIT (null: unset). */
    static boolean light(double work, String setting) {
        if (setting != null && !setting.isBlank()) {
            return setting.strip().equalsIgnoreCase("light");
        }
        return work < SMALL;
    }

    /**
     * Leaves C2 out of this JVM from now on when {@link #light} says so, by a compiler directive
     * (the DiagnosticCommand MBean, as {@code jcmd PID Compiler.directives_add} does). Returns
     * whether it did; a JVM that refuses keeps its compilers (nothing else changes).
     */
    public static boolean apply(double work) {
        if (!light(work, System.getenv("DEEPGRID_JIT"))) {
            return false;
        }
        Path directives = null;
        try {
            directives = Files.createTempFile("deepgrid-jit", ".json");
            Files.writeString(directives, "[{match: \"*.*\", c2: {Exclude: true}}]\n", StandardCharsets.UTF_8);
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {directives.toString()}},
                    new String[] {String[].class.getName()});
            return true;
        } catch (Exception | LinkageError e) {
            return false; // not HotSpot, or no management: the default compilers it is
        } finally {
            if (directives != null) {
                try {
                    Files.deleteIfExists(directives);
                } catch (java.io.IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
