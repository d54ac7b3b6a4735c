package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.SearchBinderTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.ConfigException;
import deepgrid.config.ConfigText;
import deepgrid.config.ExperimentBinder;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problem;
import deepgrid.data.DataLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Every point of the space must bind" (design §2): the probe points, the trees they make, and binding them. */
class ProbeTest {
    static final String FILE = """
            name: probe
            data: {source: xor}
            model:
              layers:
                - dense: 4
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 1, batch_size: full}
            search:
              space:
                model.layers[0].dense: {int: [0, 8]}
                optimizer:
                  choice:
                    - {type: sgd, lr: {float: [0.01, 1.0], log: true},
                       schedule: {choice: [{type: step, every: {int: [1, 5]}, factor: 0.5}, {type: cosine}]}}
                    - {type: adam, lr: {float: [1.0e-4, 1.0e-2], log: true}}
                    - {type: momentum, lr: 0.1}
            """;

    static SearchSpec spec(Node root) {
        return SearchBinder.bind(((Node.MapNode) root).get("search"), 0, Pos.of("t"));
    }

    @Test
    void probesMeetEveryOptionAndBothEndsOfEveryRange() {
        SearchSpec s = spec(tree(FILE));
        List<Assignment> probes = SpacePoints.probes(s.space());
        Set<String> seen = new HashSet<>();
        for (Assignment a : probes) {
            s.space().texts(a).forEach((name, text) -> seen.add(name + "=" + text));
        }
        for (String expected : List.of("model.layers[0].dense=0", "model.layers[0].dense=8", "optimizer=sgd",
                "optimizer=adam", "optimizer=momentum", "optimizer[sgd].lr=0.01", "optimizer[sgd].lr=1.0",
                "optimizer[sgd].schedule=step", "optimizer[sgd].schedule=cosine", "optimizer[sgd].schedule[step].every=1",
                "optimizer[sgd].schedule[step].every=5", "optimizer[adam].lr=1.0E-4", "optimizer[adam].lr=0.01")) {
            assertTrue(seen.contains(expected), expected + " is not probed; probed " + seen);
        }
        assertTrue(probes.size() <= 12, probes.size() + " probes");
    }

    @Test
    void aTreeHoldsTheProposedValuesAtTheSpacesPositions() {
        Node root = tree(FILE);
        SearchSpec s = spec(root);
        Assignment a = new Assignment(Map.of("model.layers[0].dense", 6.0, "optimizer", 0.0, "optimizer[sgd].lr", 0.05,
                "optimizer[sgd].schedule", 0.0, "optimizer[sgd].schedule[step].every", 3.0));
        Node t = s.space().tree(root, a);
        Node.MapNode opt = (Node.MapNode) ((Node.MapNode) t).get("optimizer");
        assertEquals("{type: sgd, lr: 0.05, schedule: {type: step, every: 3, factor: 0.5}}", ConfigText.flow(opt));
        assertEquals(16, opt.get("lr").pos().line()); // the range that produced the value
    }

    @Test
    void bindingTheProbeTreesFindsTheRangeEndThatCannotBind() {
        Node root = tree(FILE);
        SearchSpec s = spec(root);
        Node base = ((Node.MapNode) root).without("search");
        List<Problem> problems = new java.util.ArrayList<>();
        DataLoader data = new DataLoader();
        for (Node probe : SearchChecks.probeTrees(base, s)) {
            try {
                ExperimentBinder.bind(probe, "probe", data::load);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        // dense: 0 is the low end of the int range on line 13
        assertTrue(problems.stream().anyMatch(p -> p.pos().line() == 13 && p.message().contains("dense")),
                "problems: " + problems);
        assertTrue(problems.stream().allMatch(p -> p.pos().line() == 13), "only the bad range: " + problems);
        assertThrows(IllegalArgumentException.class, () -> s.space().positionOf("nothing"));
    }
}
