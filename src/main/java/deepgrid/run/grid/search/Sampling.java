package deepgrid.run.grid.search;

import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/** The three ways a proposal is drawn: at random, from the Sobol sequence, or by TPE from earlier trials. */
final class Sampling {
    /** TPE's view of the earlier trials: the good group, the rest (running ones included), and their parameters. */
    record Groups(Set<Integer> below, Set<Integer> above, Map<Integer, Assignment> params) {
    }

    private Sampling() {
    }

    /**
     * Uniform in the transformed domain (log space for log ranges; [low − step/2, high + step/2]
     * for discrete ones, then rounded), a choice uniformly; {@code fixed} values are kept.
     */
    static Assignment random(Space space, Assignment fixed, Rng rng) {
        Rng r = rng.split("random");
        return space.assign(fixed, p -> draw(p.domain(), r.nextDouble()));
    }

    /** The value of {@code domain} at u ∈ [0, 1): a choice takes ⌊u·C⌋, a range the transformed point. */
    static double draw(Domain domain, double u) {
        if (domain instanceof Categorical c) {
            return Math.min(c.size() - 1, (long) Math.floor(u * c.size()));
        }
        Numeric n = (Numeric) domain;
        return n.fromInternal(n.internalLow() + u * (n.internalHigh() - n.internalLow()));
    }

    /**
     * Point {@code index} (≥ 1: point 0 is the origin, which is skipped) of commons-math3's
     * unscrambled Sobol sequence, one dimension per parameter in the space's order.
     */
    static Assignment qmc(Space space, int index) {
        double[] u = new SobolSequenceGenerator(space.params().size()).skipTo(index);
        Map<String, Integer> dim = new LinkedHashMap<>();
        for (int d = 0; d < space.params().size(); d++) {
            dim.put(space.params().get(d).name(), d);
        }
        return space.assign(Assignment.EMPTY, p -> draw(p.domain(), u[dim.get(p.name())]));
    }

    /**
     * TPE: the unconditional parameters (which every trial has) jointly, as one multivariate
     * estimator; then each parameter of a taken branch on its own, from the trials that have it.
     */
    static Assignment tpe(Space space, Groups groups, Rng rng) {
        // a range of one value (low = high) has nothing to model, and a zero-width kernel would divide by 0
        Assignment fixed = Assignment.EMPTY;
        for (Param p : space.params()) {
            if (p.domain() instanceof Numeric n && n.lo() == n.hi()) {
                fixed = fixed.with(p.name(), n.lo());
            }
        }
        Assignment single = fixed;
        List<Param> joint = space.params().stream().filter(p -> !p.isConditional() && !single.has(p.name())).toList();
        double[] x = Tpe.propose(joint.stream().map(Param::domain).toList(), rows(joint, groups.below(), groups),
                rows(joint, groups.above(), groups), rng.split("tpe"));
        for (int d = 0; d < joint.size(); d++) {
            fixed = fixed.with(joint.get(d).name(), x[d]);
        }
        return space.assign(fixed, p -> Tpe.propose(List.of(p.domain()), rows(List.of(p), groups.below(), groups),
                rows(List.of(p), groups.above(), groups), rng.split("tpe " + p.name()))[0]);
    }

    /** The values of {@code params} of the trials (in trial order) that have all of them. */
    private static double[][] rows(List<Param> params, Set<Integer> trials, Groups groups) {
        List<double[]> out = new ArrayList<>();
        for (int j : trials) {
            Assignment a = groups.params().get(j);
            if (params.stream().allMatch(p -> a.has(p.name()))) {
                out.add(params.stream().mapToDouble(p -> a.get(p.name())).toArray());
            }
        }
        return out.toArray(new double[0][]);
    }
}
