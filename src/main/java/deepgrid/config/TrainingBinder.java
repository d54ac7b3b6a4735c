package deepgrid.config;

import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.Penalty;
import deepgrid.nn.optimizers.Schedule;
import deepgrid.train.BatchSize;
import deepgrid.train.EarlyStopping;
import deepgrid.train.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds {@code optimizer:} (with its optional {@code schedule}), {@code regularization:} and {@code training:} (SPEC §1.5). */
final class TrainingBinder {
    private TrainingBinder() {
    }

    static TrainingSpec bind(MapReader top) {
        TrainingSpec.Optimization optimization = optimization(top);
        MapReader t = top.child(Sections.top("training"));
        t.allow(Sections.CLIP_GRAD_NORM.key(), Sections.EARLY_STOPPING.key());
        int epochs = t.integer(Sections.EPOCHS);
        BatchSize batch = batchSize(t);
        TrainingSpec.Order order = t.bool(Sections.SHUFFLE) ? TrainingSpec.Order.SHUFFLE : TrainingSpec.Order.FIXED;
        double clip = t.hasValue(Sections.CLIP_GRAD_NORM) ? t.number(Sections.CLIP_GRAD_NORM) : 0.0;
        EarlyStopping stopping = t.hasValue(Sections.EARLY_STOPPING)
                ? earlyStopping(t.child(Sections.EARLY_STOPPING)) : null;
        t.finish();
        return new TrainingSpec(epochs, batch, order, optimization, clip, stopping);
    }

    /** The optimizer, its optional {@code schedule} (written inside the optimizer map) and the penalty. */
    private static TrainingSpec.Optimization optimization(MapReader top) {
        Node n = top.take("optimizer");
        Node scheduleNode = n instanceof Node.MapNode m ? m.get("schedule") : null;
        Node optimizerOnly = n == null ? new Node.Scalar(top.pos(), Sections.DEFAULT_OPTIMIZER, false)
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
            Family.Bound<Schedule> s = Catalog.SCHEDULES.bind(scheduleNode, "optimizer." + Sections.SCHEDULE.key(),
                    top.problems());
            schedule = s.value();
            resolved.put("schedule", s.resolved());
        } else {
            resolved.put("schedule", "constant");
        }
        top.put("optimizer", resolved);
        return new TrainingSpec.Optimization(b.value(), schedule, penalty(top.child(Sections.top("regularization"))));
    }

    /**
     * An optimizer map without {@code type} is the default optimizer with those options, so that
     * {@code optimizer.lr} can be set (by a grid, a variant or --set) in a file that relies on the default.
     */
    private static Node.MapNode withDefaultType(Node.MapNode m) {
        return m.get("type") != null ? m : m.with("type", new Node.Scalar(m.pos(), Sections.DEFAULT_OPTIMIZER, false));
    }

    private static Penalty penalty(MapReader r) {
        double l1 = r.number(Sections.L1);
        double l2 = r.number(Sections.L2);
        r.finish();
        return new Penalty(l1, l2);
    }

    /** {@code batch_size}: an integer ≥ 1, or {@code full} (unquoted, like every name in the file); 32 when absent. */
    private static BatchSize batchSize(MapReader t) {
        Node n = t.take(Sections.BATCH_SIZE.key());
        int dflt = (Integer) Sections.BATCH_SIZE.dflt();
        if (n instanceof Node.Scalar s && s.isNull()) {
            t.refuseNull("batch_size", n, dflt, "an integer ≥ 1 or full");
            return new BatchSize.Full();
        }
        if (n == null) {
            t.put("batch_size", dflt);
            return new BatchSize.Fixed(dflt);
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
        EarlyStopping.Metric m = e.name(Sections.METRIC);
        int patience = e.integer(Sections.PATIENCE);
        double minDelta = e.number(Sections.MIN_DELTA);
        e.finish();
        return new EarlyStopping(m, patience, minDelta);
    }
}
