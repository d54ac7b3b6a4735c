package deepgrid.lint;

import deepgrid.config.Node;
import deepgrid.data.Normalize;
import deepgrid.nn.optimizers.Schedule;
import deepgrid.train.BatchSize;
import deepgrid.train.EarlyStopping;
import java.util.Map;

/** Rules about the optimizer, the batches, the schedule and the data. */
final class TrainingRules {
    private TrainingRules() {
    }

    /** A learning rate far outside the range that usually works for its optimizer. */
    static final class LearningRate implements Rule {
        /** Usual range and a first value to try, per optimizer (Keras and PyTorch defaults, CS231n). */
        private record Usual(double low, double high, String start) {
        }

        private static final Usual SGD = new Usual(1e-4, 1, "0.1");
        private static final Usual ADAPTIVE = new Usual(1e-5, 0.1, "0.001");
        private static final Map<String, Usual> RANGES = Map.of("sgd", SGD, "momentum", SGD, "nesterov", SGD,
                "adagrad", new Usual(1e-4, 1, "0.01"), "rmsprop", ADAPTIVE, "adam", ADAPTIVE, "adamw", ADAPTIVE);

        @Override
        public String id() {
            return "learning-rate";
        }

        @Override
        public void check(Subject s, Findings out) {
            var opt = s.spec().training().optimization().optimizer();
            Usual u = RANGES.get(opt.name());
            double lr = opt.lr();
            if (u == null || lr >= u.low() && lr <= u.high()) {
                return;
            }
            String written = s.text(Subject.num(lr), "optimizer", "lr");
            String range = "the usual range for " + opt.name() + " (" + Subject.num(u.low()) + " to " + Subject.num(u.high()) + ")";
            String why = lr > u.high() ? "far above " + range + ": steps this large usually make the loss diverge"
                    : "far below " + range + ": the weights barely move in the epochs given";
            out.add(s.pos("optimizer", "lr"), "optimizer.lr: " + written + " is " + why + "; try " + u.start()
                    + ", then a grid around it");
        }
    }

    /** A fixed batch larger than the training set. */
    static final class BatchLargerThanData implements Rule {
        @Override
        public String id() {
            return "batch-larger-than-data";
        }

        @Override
        public void check(Subject s, Findings out) {
            int n = s.data().train().size();
            boolean written = s.has("training", "batch_size"); // the default 32 on the 4-row logic tables is no mistake
            if (written && s.spec().training().batchSize() instanceof BatchSize.Fixed f && f.size() > n) {
                out.add(s.pos("training", "batch_size"), "training.batch_size: " + f.size() + " is more than the " + n
                        + " training samples: every step already uses the whole training set; write batch_size:"
                        + " full to say so, or use a smaller batch");
            }
        }
    }

    /** Early stopping whose patience is as long as the training: it can never stop anything. */
    static final class NeverStopsEarly implements Rule {
        @Override
        public String id() {
            return "patience-too-long";
        }

        @Override
        public void check(Subject s, Findings out) {
            EarlyStopping stop = s.spec().training().earlyStopping();
            int epochs = s.spec().training().epochs();
            if (stop != null && stop.patience() >= epochs) {
                out.add(s.pos("training", "early_stopping", "patience"), "training.early_stopping.patience: "
                        + stop.patience() + " is not below training.epochs (" + epochs + "): early stopping can never"
                        + " trigger; lower the patience or train longer");
            }
        }
    }

    /** A step schedule whose first step comes after the last epoch. */
    static final class ScheduleNeverSteps implements Rule {
        @Override
        public String id() {
            return "schedule-never-steps";
        }

        @Override
        public void check(Subject s, Findings out) {
            int epochs = s.spec().training().epochs();
            if (s.spec().training().optimization().schedule() instanceof Schedule.Step step && step.every() >= epochs
                    && epochs > 0) {
                out.add(s.pos("optimizer", "schedule", "every"), "optimizer.schedule.every: " + step.every()
                        + " is not below training.epochs (" + epochs + "): the learning rate never changes; use a"
                        + " smaller every, or no schedule");
            }
        }
    }

    /** Raw inputs in the hundreds or more, not normalized. */
    static final class Unnormalized implements Rule {
        /** Inputs beyond this size (in absolute value) are far from the unit scale that initializers assume. */
        static final double LARGE = 100;

        @Override
        public String id() {
            return "unnormalized-inputs";
        }

        @Override
        public void check(Subject s, Findings out) {
            if (s.spec().data().normalize() != Normalize.NONE) {
                return;
            }
            double max = s.inputs().max();
            int at = s.inputs().feature();
            if (max > LARGE) {
                Object[] where = s.has("data", "normalize") ? new Object[] {"data", "normalize"}
                        : new Object[] {"data", "source"};
                out.add(s.pos(where), "data.normalize: none, but inputs reach " + Subject.num(max) + " (feature "
                        + (at + 1) + "): inputs this large saturate sigmoid and tanh units and need a tiny learning"
                        + " rate; use normalize: standardize (or minmax)");
            }
        }
    }

    /** A snapshot epoch in diagnostics: after the last epoch, so never taken. */
    static final class SnapshotAfterEnd implements Rule {
        @Override
        public String id() {
            return "snapshot-after-end";
        }

        @Override
        public void check(Subject s, Findings out) {
            int epochs = s.spec().training().epochs();
            for (String part : new String[] {"histograms", "boundary"}) {
                if (!(s.at("diagnostics", part, "epochs") instanceof Node.ListNode list)) {
                    continue;
                }
                for (Node item : list.items()) {
                    if (item instanceof Node.Scalar sc && sc.text().matches("[0-9]+")
                            && Long.parseLong(sc.text()) > epochs) {
                        out.add(item.pos(), "diagnostics." + part + ".epochs: " + sc.text() + " is after the last"
                                + " epoch (training.epochs " + epochs + "), so it is never recorded; use last");
                    }
                }
            }
        }
    }
}
