package deepgrid.config;

import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.optimizers.Penalty;
import deepgrid.nn.optimizers.Schedule;
import deepgrid.train.BatchSize;
import deepgrid.train.EarlyStopping;
import deepgrid.train.TrainingSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds {@code optimizer:} (with its optional {@code schedule}), {@code regularization:} and {@code training:} (SPEC §1.5). */
final class TrainingBinder {
    /** The optimizer of a file that names none (with its own default lr, 0.01). */
    static final String DEFAULT_OPTIMIZER = "sgd";

    private TrainingBinder() {
    }

    static TrainingSpec bind(MapReader top) {
        TrainingSpec.Optimization optimization = optimization(top);
        MapReader t = top.child("training");
        t.allow("clip_grad_norm", "early_stopping");
        int epochs = t.integer("epochs", 10, Range.atLeast(0));
        BatchSize batch = batchSize(t);
        TrainingSpec.Order order = t.bool("shuffle", true) ? TrainingSpec.Order.SHUFFLE : TrainingSpec.Order.FIXED;
        double clip = t.hasValue("clip_grad_norm") ? t.number("clip_grad_norm", null, Range.above(0)) : 0.0;
        EarlyStopping stopping = t.hasValue("early_stopping") ? earlyStopping(t.child("early_stopping")) : null;
        t.finish();
        return new TrainingSpec(epochs, batch, order, optimization, clip, stopping);
    }

    /** The optimizer, its optional {@code schedule} (written inside the optimizer map) and the penalty. */
    private static TrainingSpec.Optimization optimization(MapReader top) {
        Node n = top.take("optimizer");
        Node scheduleNode = n instanceof Node.MapNode m ? m.get("schedule") : null;
        Node optimizerOnly = n == null ? new Node.Scalar(top.pos(), DEFAULT_OPTIMIZER, false)
                : n instanceof Node.MapNode m ? withDefaultType(m.without("schedule")) : n;
        Family.Bound<OptimizerSpec> b = Catalog.OPTIMIZERS.bind(optimizerOnly, "optimizer", top.problems());
        Map<String, Object> resolved = new LinkedHashMap<>();
        if (b.resolved() instanceof Map<?, ?> m) {
            m.forEach((k, v) -> resolved.put((String) k, v));
        } else if (b.resolved() != null) {
            resolved.put("type", b.resolved());
        }
        Schedule schedule = new Schedule.Constant();
        if (scheduleNode != null) {
            Family.Bound<Schedule> s = Catalog.SCHEDULES.bind(scheduleNode, "optimizer.schedule", top.problems());
            schedule = s.value();
            resolved.put("schedule", s.resolved());
        } else {
            resolved.put("schedule", "constant");
        }
        top.put("optimizer", resolved);
        return new TrainingSpec.Optimization(b.value(), schedule, penalty(top.child("regularization")));
    }

    /**
     * An optimizer map without {@code type} is the default optimizer with those options, so that
     * {@code optimizer.lr} can be set (by a grid, a variant or --set) in a file that relies on the default.
     */
    private static Node.MapNode withDefaultType(Node.MapNode m) {
        return m.get("type") != null ? m : m.with("type", new Node.Scalar(m.pos(), DEFAULT_OPTIMIZER, false));
    }

    private static Penalty penalty(MapReader r) {
        double l1 = r.number("l1", 0.0, Range.atLeast(0));
        double l2 = r.number("l2", 0.0, Range.atLeast(0));
        r.finish();
        return new Penalty(l1, l2);
    }

    /** {@code batch_size}: an integer ≥ 1, or {@code full} (unquoted, like every name in the file); 32 when absent. */
    private static BatchSize batchSize(MapReader t) {
        Node n = t.take("batch_size");
        if (n instanceof Node.Scalar s && s.isNull()) {
            t.refuseNull("batch_size", n, 32, "an integer ≥ 1 or full");
            return new BatchSize.Full();
        }
        if (n == null) {
            t.put("batch_size", 32);
            return new BatchSize.Fixed(32);
        }
        if (n instanceof Node.Scalar s && !s.quoted() && s.text().equals("full")) {
            t.put("batch_size", "full");
            return new BatchSize.Full();
        }
        StringBuilder why = new StringBuilder();
        Long v = n instanceof Node.Scalar s ? Scalars.integer(s, why) : null;
        if (v == null || v < 1 || v > Integer.MAX_VALUE) {
            String found = v != null ? "found " + v + (v > Integer.MAX_VALUE ? " (more than " + Integer.MAX_VALUE + ")" : "")
                    : n instanceof Node.Scalar ? why.toString() : "found " + n.describe();
            t.problems().add(n.pos(), "training.batch_size: " + found + ", expected an integer ≥ 1 or full"
                    + (v != null && v == -1 ? " (full-batch is written full)" : ""));
            return new BatchSize.Full();
        }
        t.put("batch_size", v.intValue());
        return new BatchSize.Fixed(v.intValue());
    }

    private static EarlyStopping earlyStopping(MapReader e) {
        var names = Arrays.stream(EarlyStopping.Metric.values()).map(EarlyStopping.Metric::yamlName).toList();
        String metric = e.string("metric", "val_loss");
        EarlyStopping.Metric m = Arrays.stream(EarlyStopping.Metric.values())
                .filter(x -> x.yamlName().equals(metric)).findFirst().orElse(null);
        if (m == null) {
            e.problems().add(e.posOf("metric"), "training.early_stopping.metric: unknown metric '" + metric + "'"
                    + Suggest.didYouMean(metric, names) + "; allowed: " + String.join(", ", names));
            m = EarlyStopping.Metric.VAL_LOSS;
        }
        int patience = e.integer("patience", 5, Range.atLeast(1));
        double minDelta = e.number("min_delta", 0.0, Range.atLeast(0));
        e.finish();
        return new EarlyStopping(m, patience, minDelta);
    }
}
