package deepgrid.config;

import deepgrid.DeepgridException;
import deepgrid.Memory;
import deepgrid.data.DataSpec;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.nn.Loss;
import deepgrid.nn.NetworkBuilder;
import deepgrid.nn.TargetKind;
import deepgrid.train.DiagnosticsSpec;
import deepgrid.train.EarlyStopping;
import deepgrid.train.Encoded;
import deepgrid.train.TrainingSpec;

/**
 * Binds one experiment tree (no grid left in it) into an {@link ExperimentSpec}: every
 * key checked, every default filled, then the model checked against the data it will
 * see (input width, output width, loss vs targets). All problems are reported at once.
 */
public final class ExperimentBinder {
    /** Loads (or returns the cached) splits of a data spec, so shapes can be checked before training. */
    public interface DataProbe {
        Splits load(DataSpec spec);
    }

    private ExperimentBinder() {
    }

    /**
     * Binds a tree that was bound and checked against its data before (a planned run that is
     * about to train): the same spec, without loading the data again to check shapes; a data
     * set gone meanwhile fails the run when it loads.
     */
    public static ExperimentSpec rebind(Node root, String defaultName) {
        return bind(root, defaultName, null);
    }

    /** Binds {@code root}; {@code defaultName} is the file name without .yaml. Throws ConfigException. */
    public static ExperimentSpec bind(Node root, String defaultName, DataProbe probe) {
        Problems problems = new Problems();
        if (root instanceof Node.Scalar s && s.isNull()) {
            throw ConfigException.at(root.pos(), "the file holds no settings (only blanks or comments);"
                    + " an experiment needs at least data, model and loss");
        }
        if (!(root instanceof Node.MapNode)) {
            throw ConfigException.at(root.pos(), "the file holds " + root.describe() + ", expected a map of settings"
                    + " (data:, model:, loss:, ...)");
        }
        MapReader top = MapReader.of(root, root.pos(), "", problems).declare(Sections.TOP);
        String name = top.string("name", defaultName);
        checkName(top, name);
        String description = top.string("description", "");
        long seed = top.integer("seed", 0, Seeds.SEED); // the expander has read both by the same rule
        top.integer("repeats", 1, Seeds.REPEATS);
        DataSpec data = DataBinder.bind(top.child("data"), seed);
        ModelBinder.Result model = ModelBinder.bind(top.child("model"));
        Loss loss = top.choice(Sections.top("loss"));
        TrainingSpec training = TrainingBinder.bind(top);
        DiagnosticsSpec diagnostics = DiagnosticsBinder.bind(top, training.epochs());
        top.take("grid"); // expanded before binding; the keys are known here
        top.take("variants");
        top.finish();
        problems.throwIfAny();
        if (probe != null) {
            new ShapeCheck(root, problems, probe).check(data, model, loss, training);
            problems.throwIfAny();
        }
        return new ExperimentSpec(name, description, seed, data, new ExperimentSpec.Model(model.layers(), loss),
                training, diagnostics, top.resolved());
    }

    private static void checkName(MapReader top, String name) {
        if (ExperimentSpec.isValidName(name)) {
            return;
        }
        String why = !ExperimentSpec.NAME.matcher(name).matches()
                ? ", expected letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters"
                : name.endsWith(".") ? ", which ends in '.': Windows drops a trailing dot from folder names;"
                        + " expected a name that ends in a letter, digit, '_' or '-'"
                : ", a device name on Windows, where no folder can have it; expected another name";
        if (top.has("name")) {
            top.problems().add(top.posOf("name"), "name: found '" + name + "'" + why);
        } else {
            top.problems().add(top.pos(), "the file name gives the experiment name '" + name + "'" + why
                    + "; add name: or rename the file");
        }
    }

    /** The checks that need the data: targets vs loss, layer widths, early stopping vs validation. */
    private record ShapeCheck(Node root, Problems problems, DataProbe probe) {
        void check(DataSpec data, ModelBinder.Result model, Loss loss, TrainingSpec training) {
            MemoryCheck memory = new MemoryCheck(problems, Memory.max());
            String source = "data '" + data.source().name() + "'";
            boolean samples = !posAt("data", "samples").equals(posAt("data"));
            if (!memory.data(data.source().size(), source, posAt("data", samples ? "samples" : "source"), samples)) {
                return;
            }
            Splits splits;
            try {
                splits = probe.load(data);
            } catch (DeepgridException e) {
                // a data source may list several problems (bad CSV rows), one per line
                e.getMessage().lines().forEach(line -> problems.add(posAt("data", "source"), "data: " + line));
                return;
            } catch (OutOfMemoryError e) { // more than the lower bound above: say so rather than a stack trace
                problems.add(posAt("data", "source"), Memory.outOfMemory("loading " + source, e));
                return;
            }
            Dataset train = splits.train();
            if (train.size() == 0) {
                problems.add(posAt("data", "source"), source + " has no training samples left");
                return;
            }
            if (train.isClassification() && !checkClasses(train, source)) {
                return;
            }
            TargetKind kind = loss.targets();
            if (kind == TargetKind.CLASSES && !train.isClassification()) {
                problems.add(posAt("loss"), "loss " + loss.name() + " needs class labels, but " + source
                        + " has numeric targets; use mse");
                return;
            }
            if (kind == TargetKind.COUNTS && !countsFit(splits, loss, source, data)) {
                return;
            }
            if (kind == TargetKind.BINARY && train.isClassification() && train.numClasses() != 2) {
                problems.add(posAt("loss"), "loss " + loss.name() + " needs two classes, but " + source + " has "
                        + train.numClasses() + "; use cross_entropy");
                return;
            }
            int want = Encoded.width(train, kind);
            int have = NetworkBuilder.outWidth(model.layers(), train.features());
            if (want != have) {
                problems.add(model.lastPos(), "the last layer has " + have + " output" + (have == 1 ? "" : "s")
                        + ", but " + source + " with loss " + loss.name() + " needs " + want
                        + (train.isClassification() && kind != TargetKind.BINARY ? " (one per class)" : ""));
            }
            if (model.lastActivation() != null && !loss.outputActivation().equals(Loss.IDENTITY)) {
                problems.add(model.lastPos(), "the last layer has activation " + model.lastActivation().name()
                        + ", but loss " + loss.name() + " applies its own output activation ("
                        + loss.outputActivation() + ") to the scores; remove it");
            }
            checkEarlyStopping(training.earlyStopping(), splits);
            if (problems.isEmpty()) {
                memory.network(model, splits, training);
            }
        }

        /** A loss of counts (poisson) needs numeric targets, none below 0, in every split. */
        private boolean countsFit(Splits splits, Loss loss, String source, DataSpec data) {
            if (splits.train().isClassification()) {
                problems.add(posAt("loss"), "loss " + loss.name() + " needs numeric targets ≥ 0 (counts), but " + source
                        + " has class labels" + (data.source() instanceof deepgrid.data.sources.Csv ? " (a CSV label column of"
                        + " whole numbers is read as classes: write 3.0 to make it numeric)" : "")
                        + "; use cross_entropy for classes");
                return false;
            }
            for (var split : java.util.List.of(java.util.Map.entry("training", splits.train()),
                    java.util.Map.entry("validation", splits.validation()), java.util.Map.entry("test", splits.test()))) {
                double[] y = split.getValue().y().data();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] < 0) {
                        int k = split.getValue().targets();
                        problems.add(posAt("loss"), "loss " + loss.name() + " needs targets ≥ 0 (counts), but " + source
                                + " has " + String.format(java.util.Locale.ROOT, "%.4g", y[i]) + " in row " + (i / k + 1) + " of its "
                                + split.getKey() + " split; use mse, mae or huber");
                        return false;
                    }
                }
            }
            return true;
        }

        /** Accuracies of a one-class set are nonsense (1.0 for one loss, 0.0 for another): at least two classes, in training too. */
        private boolean checkClasses(Dataset train, String source) {
            if (train.numClasses() < 2) {
                problems.add(posAt("data", "source"), source + " has only one class (" + String.join("", train.classes())
                        + "); a classifier needs at least two");
                return false;
            }
            int[] counts = train.classCounts();
            java.util.List<String> present = new java.util.ArrayList<>();
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] > 0) {
                    present.add(train.classes().get(c));
                }
            }
            if (present.size() < 2) {
                problems.add(posAt("data", "source"), "the training split of " + source + " holds only class "
                        + present.get(0) + " (of " + String.join(", ", train.classes()) + "); a classifier needs at least"
                        + " two (a larger limit or a smaller validation fraction?)");
                return false;
            }
            return true;
        }

        private void checkEarlyStopping(EarlyStopping stopping, Splits splits) {
            if (stopping == null || splits.validation().size() > 0) {
                return;
            }
            var m = stopping.metric();
            if (m == EarlyStopping.Metric.VAL_LOSS || m == EarlyStopping.Metric.VAL_ACCURACY) {
                problems.add(posAt("training", "early_stopping"), "training.early_stopping watches "
                        + m.yamlName() + ", but there is no validation split; set data.validation (e.g. 0.1)");
            }
        }

        private Pos posAt(String... keys) {
            Node n = root;
            Pos last = root.pos();
            for (String k : keys) {
                if (!(n instanceof Node.MapNode m) || m.get(k) == null) {
                    return last;
                }
                n = m.get(k);
                last = n.pos();
            }
            return last;
        }
    }
}
