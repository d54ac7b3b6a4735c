package deepgrid.run.grid.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one trial's run is pruned, fixed when the trial starts from the reference trials that
 * had ended by then, so it can travel to another process (a Slurm task) as one line of text
 * ({@link #encode}) and be applied there epoch by epoch. After epoch t the trainer calls
 * {@link #judge} with the objective metric's values of epochs 0…t: null means no decision at
 * this epoch, else the decision (continue or prune) and the numbers behind it, one row of
 * rungs.csv. {@link #replay} rebuilds every row of a finished run from its metrics alone.
 */
public sealed interface StopRule {
    /** Go on or stop. */
    enum Verdict {
        CONTINUE, PRUNE;

        public String csvName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One decision: at ASHA rung {@code rung} (−1 for the median rule), after {@code epoch}, the
     * trial's {@code value} (ASHA: its value at the epoch; median: its best so far) against
     * {@code cutoff} (ASHA: the worst value that still goes on; median: the reference median).
     */
    record Decision(int rung, int epoch, double value, double cutoff, Verdict verdict) {
    }

    /** The decision after {@code epoch} given {@code curve[0…epoch]}, or null when this epoch is not judged. */
    Decision judge(int epoch, double[] curve);

    /** The rule as one line of text; {@link #decode} reads it back exactly. */
    String encode();

    /** Every decision the rule makes on a finished run's curve, up to and including a prune. */
    default List<Decision> replay(double[] curve) {
        List<Decision> out = new ArrayList<>();
        for (int t = 1; t < curve.length; t++) {
            Decision d = judge(t, Arrays.copyOf(curve, t + 1));
            if (d != null) {
                out.add(d);
                if (d.verdict() == Verdict.PRUNE) {
                    break;
                }
            }
        }
        return out;
    }

    /** No pruning. */
    record Never() implements StopRule {
        @Override
        public Decision judge(int epoch, double[] curve) {
            return null;
        }

        @Override
        public String encode() {
            return "none";
        }
    }

    /** ASHA: rung epoch → the reference values at that epoch (finite only). */
    record AshaRule(Goal goal, int reduction, Map<Integer, double[]> rungs) implements StopRule {
        public AshaRule {
            rungs = java.util.Collections.unmodifiableMap(new TreeMap<>(rungs));
        }

        @Override
        public Decision judge(int epoch, double[] curve) {
            double[] refs = rungs.get(epoch);
            if (refs == null) {
                return null;
            }
            int rung = new ArrayList<>(rungs.keySet()).indexOf(epoch);
            double v = curve[epoch];
            if (Double.isNaN(v)) {
                return new Decision(rung, epoch, v, Double.NaN, Verdict.PRUNE);
            }
            List<Double> c = new ArrayList<>();
            Arrays.stream(refs).forEach(c::add);
            c.add(v);
            c.sort(goal.bestFirst());
            int keep = Math.max(1, c.size() / reduction);
            double cutoff = c.get(keep - 1);
            return new Decision(rung, epoch, v, cutoff, goal.better(cutoff, v) ? Verdict.PRUNE : Verdict.CONTINUE);
        }

        @Override
        public String encode() {
            StringBuilder s = new StringBuilder("asha " + goal.yamlName() + " " + reduction);
            rungs.forEach((epoch, refs) -> s.append(' ').append(epoch).append(':').append(join(refs)));
            return s.toString();
        }
    }

    /** The median rule: epoch → the median of the completed reference trials' values at that epoch. */
    record MedianRule(Goal goal, Map<Integer, Double> medians) implements StopRule {
        public MedianRule {
            medians = java.util.Collections.unmodifiableMap(new TreeMap<>(medians));
        }

        @Override
        public Decision judge(int epoch, double[] curve) {
            Double median = medians.get(epoch);
            if (median == null) {
                return null;
            }
            double best = Double.NaN;
            for (int t = 1; t <= epoch; t++) {
                if (goal.better(curve[t], best)) {
                    best = curve[t];
                }
            }
            boolean prune = Double.isNaN(best) || goal.better(median, best);
            return new Decision(-1, epoch, best, median, prune ? Verdict.PRUNE : Verdict.CONTINUE);
        }

        @Override
        public String encode() {
            StringBuilder s = new StringBuilder("median " + goal.yamlName());
            medians.forEach((epoch, m) -> s.append(' ').append(epoch).append(':').append(m));
            return s.toString();
        }
    }

    /** Reads {@link #encode}'s text back. */
    static StopRule decode(String text) {
        String[] parts = text.trim().split(" ");
        try {
            switch (parts[0]) {
                case "none" -> {
                    return new Never();
                }
                case "asha" -> {
                    Map<Integer, double[]> rungs = new TreeMap<>();
                    for (int i = 3; i < parts.length; i++) {
                        String[] kv = parts[i].split(":", -1);
                        rungs.put(Integer.parseInt(kv[0]), kv[1].isEmpty() ? new double[0]
                                : Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray());
                    }
                    return new AshaRule(Goal.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)),
                            Integer.parseInt(parts[2]), rungs);
                }
                case "median" -> {
                    Map<Integer, Double> medians = new TreeMap<>();
                    for (int i = 2; i < parts.length; i++) {
                        String[] kv = parts[i].split(":");
                        medians.put(Integer.parseInt(kv[0]), Double.parseDouble(kv[1]));
                    }
                    return new MedianRule(Goal.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)), medians);
                }
                default -> throw new IllegalArgumentException("unknown stop rule '" + parts[0] + "'");
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a stop rule: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    /** The median as numpy.nanpercentile(…, 50): the middle value, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.toString();
    }
}
