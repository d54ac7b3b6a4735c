package deepgrid.run.grid;

import deepgrid.config.ConfigException;
import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.Problem;
import deepgrid.run.RunIds;
import deepgrid.run.RunSpec;
import deepgrid.run.SearchTrial;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.SearchSpec;
import deepgrid.run.grid.search.StopRule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a trial's proposal becomes a run: the search's base tree with the trial's values set
 * and its seed, bound as every run of the file is; a folder name that is readable
 * ({@code t12_s0-…}, {@code t12c_s5-…} for a confirmation run) and hashes the resolved
 * configuration with the search and the trial; and its {@link SearchTrial}.
 */
final class TrialRuns {
    private final SearchSpec spec;
    private final SearchArm.Identity id;
    private final Map<String, ExperimentSpec> bound = new HashMap<>();

    TrialRuns(SearchSpec spec, SearchArm.Identity id) {
        this.spec = spec;
        this.id = id;
    }

    /** Trial p's run on {@code seed} (repeat or confirmation index {@code index}), with its stop rule (null: not known yet). */
    RunSpec run(Search.Proposal p, int index, long seed, StopRule rule) {
        ExperimentSpec bound = bind(p, seed);
        boolean confirm = p.phase() == Search.Phase.CONFIRM;
        Map<String, Object> identity = new LinkedHashMap<>(bound.resolved());
        Map<String, Object> trial = new LinkedHashMap<>(); // ordered: the dump, and so the hash, must not vary
        trial.put("folder", id.hash());
        trial.put("trial", p.trial());
        trial.put("run", confirm ? "confirm" : "search");
        identity.put("search", trial);
        Map<String, String> name = new LinkedHashMap<>(id.coordinates());
        name.put("trial", "t" + p.trial() + (confirm ? "c" : ""));
        String runId = RunIds.of(id.variant(), name, seed, identity);
        Map<String, String> params = new LinkedHashMap<>(spec.space().texts(p.params()));
        params.values().removeIf(String::isEmpty); // a branch not taken
        SearchTrial.Pruning pruning = rule == null ? null : new SearchTrial.Pruning(spec.objective().metric(), rule.encode());
        SearchTrial st = new SearchTrial(id.hash(), p.trial(), p.phase().csvName(), params, pruning);
        return new RunSpec(bound, id.coordinates(), id.variant(), index, runId, st);
    }

    /** The experiment of trial p on {@code seed}: the base tree with the trial's values set, bound as any run. */
    ExperimentSpec bind(Search.Proposal p, long seed) {
        String key = p.params() + "@" + seed;
        ExperimentSpec e = this.bound.get(key);
        if (e != null) {
            return e;
        }
        Node tree = spec.space().tree(id.base(), p.params());
        tree = ((Node.MapNode) tree).with("seed", new Node.Scalar(id.base().pos(), Long.toString(seed), false));
        try {
            e = id.binder().bind(tree);
        } catch (ConfigException ex) {
            throw new ConfigException(ex.problems().stream().map(q -> new Problem(q.pos(), "search trial " + p.trial()
                    + " (" + spec.space().texts(p.params()) + "): " + q.message())).toList());
        }
        this.bound.put(key, e);
        return e;
    }
}
