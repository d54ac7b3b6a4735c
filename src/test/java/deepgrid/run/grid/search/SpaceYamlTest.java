package deepgrid.run.grid.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import deepgrid.config.Node;
import deepgrid.config.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * space.yaml is what {@code deepgrid report} rebuilds a search from: bound again, it must be
 * the very same search (same space.yaml, same folder name, the same proposals), for every
 * kind of space: ranges with log and step, plain lists, choices of fixed maps, conditional
 * branches, and enqueued trials in every form.
 */
class SpaceYamlTest {
    private static final String DESIGN = """
            search:
              objective: {metric: val_accuracy, goal: maximize, epoch: best}
              trials: 60
              sampler: SAMPLER
              seed: 0
              startup: 10
              window: 4
              space:
                optimizer.lr:             {float: [1.0e-5, 1.0e-1], log: true}
                model.layers[0].dense:    {int: [32, 512], log: true}
                model.layers[1].dropout:  {float: [0.0, 0.6], step: 0.05}
                training.batch_size:      {choice: [16, 32, 64, 128]}
                model.layers[*].activation: [relu, tanh, elu]
                regularization:           [{l2: 0.001}, {l1: 0.0001, l2: 0}]
              enqueue:
                - optimizer.lr: 0.001
                  model.layers[0].dense: 128
                  training.batch_size: 64
                  regularization: {l2: 0.001}
              pruner: {type: asha, min_epochs: 1, reduction: 3}
              confirm: {top: 5, repeats: 5}
            """;
    private static final String CONDITIONAL = """
            search:
              sampler: SAMPLER
              trials: 30
              space:
                optimizer:
                  choice:
                    - {type: sgd,  lr: {float: [1.0e-3, 0.3], log: true}, momentum: 0.9}
                    - {type: adam, lr: {float: [0.00001, 0.01], log: true}}
                model.layers[0].dense: {int: [8, 64], step: 8}
              enqueue:
                - {optimizer: {type: adam, lr: 0.001}}
                - optimizer: sgd
                  model.layers[0].dense: 16
              pruner: {type: median, startup: 3}
              confirm: none
            """;

    static SearchSpec bind(String yaml) {
        Node.MapNode root = (Node.MapNode) YamlReader.parse("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return SearchBinder.bind(root.get("search"), 11, root.pos());
    }

    static SearchSpec rebind(SearchSpec s) {
        Node n = YamlReader.parse("space.yaml", s.spaceYaml().getBytes(StandardCharsets.UTF_8));
        return SearchBinder.bind(n, 0, n.pos());
    }

    @ParameterizedTest
    @ValueSource(strings = {"design tpe", "design random", "design qmc", "conditional tpe", "conditional random"})
    void spaceYamlBindsBackToTheSameSearch(String which) {
        String[] w = which.split(" ");
        SearchSpec a = bind((w[0].equals("design") ? DESIGN : CONDITIONAL).replace("SAMPLER", w[1]));
        SearchSpec b = rebind(a);
        assertEquals(a.spaceYaml(), b.spaceYaml());
        assertEquals(a.hash("ctx"), b.hash("ctx"));
        assertEquals(a.enqueue(), b.enqueue());
        Search sa = new Search(a);
        Search sb = new Search(b);
        for (int i = 0; i < Math.min(12, sa.trials()); i++) {
            Search.Proposal p = sa.propose(i, Map.of());
            assertEquals(p, sb.propose(i, Map.of()), "trial " + i);
            assertEquals(a.space().texts(p.params()), b.space().texts(p.params()), "trial " + i);
            if (i >= a.sampling().startup() + a.sampling().window() - 1) {
                break; // later TPE trials need results
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trials: 60", "confirm: {top: 5, repeats: 5}"})
    void theFolderIsTheSameForALongerBudgetOrAnotherConfirmationButNotForOtherChanges(String line) {
        String base = DESIGN.replace("SAMPLER", "tpe");
        String changed = base.replace(line, line.startsWith("trials") ? "trials: 90" : "confirm: none");
        assertEquals(bind(base).hash("ctx"), bind(changed).hash("ctx"));
        assertNotEquals(bind(base).hash("ctx"), bind(base.replace("window: 4", "window: 2")).hash("ctx"));
        assertNotEquals(bind(base).hash("ctx"), bind(base).hash("other arm"));
    }
}
