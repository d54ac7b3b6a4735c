package deepgrid.run.grid.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.config.ConfigException;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problem;
import deepgrid.config.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Design §2: the search block's syntax, defaults and validation, on exact messages. */
class SearchBinderTest {
    static Node tree(String yaml) {
        return YamlReader.parse("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Binds the search: block of a file. */
    static SearchSpec bind(String yaml) {
        Node.MapNode root = (Node.MapNode) tree(yaml);
        return SearchBinder.bind(root.get("search"), 7, root.pos());
    }

    static List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(yaml));
        return e.problems().stream().sorted().map(Problem::toString).toList();
    }

    @Test
    void everyDefaultIsFilledIn() {
        SearchSpec s = bind("""
                search:
                  space:
                    optimizer.lr: {float: [1.0e-5, 1.0e-1], log: true}
                """);
        assertEquals("""
                objective:
                  metric: val_loss
                  goal: minimize
                  epoch: best
                trials: 20
                sampler: tpe
                seed: 7
                startup: 10
                window: 4
                space:
                  optimizer.lr:
                    float:
                    - 1.0E-5
                    - 0.1
                    log: true
                enqueue: []
                pruner: none
                repeats: 1
                confirm:
                  top: 3
                  repeats: 5
                allow_test_objective: false
                """, s.spaceYaml());
        assertEquals(new SearchSpec.Sampling(SamplerKind.TPE, 7, 20, 10, 4, 1), s.sampling());
        assertEquals(Goal.MINIMIZE, s.objective().goal());
        assertEquals(new PrunerSpec.None(), s.pruner());
    }

    @Test
    void theDesignsExampleBinds() {
        SearchSpec s = bind("""
                search:
                  objective: {metric: val_accuracy, goal: maximize, epoch: best}
                  trials: 60
                  sampler: tpe
                  seed: 0
                  startup: 10
                  window: 4
                  space:
                    optimizer.lr:             {float: [1.0e-5, 1.0e-1], log: true}
                    model.layers[0].dense:    {int: [32, 512], log: true}
                    model.layers[1].dropout:  {float: [0.0, 0.6], step: 0.05}
                    training.batch_size:      {choice: [16, 32, 64, 128]}
                    model.layers[*].activation: [relu, tanh, elu]
                  enqueue:  # block style: in a flow map, [0] would be YAML's own brackets
                    - optimizer.lr: 0.001
                      model.layers[0].dense: 128
                      training.batch_size: 64
                  pruner: {type: asha, min_epochs: 1, reduction: 3}
                  repeats: 1
                  confirm: {top: 5, repeats: 5}
                """);
        assertEquals(List.of("optimizer.lr", "model.layers[0].dense", "model.layers[1].dropout", "training.batch_size",
                "model.layers[*].activation"), s.space().params().stream().map(Param::name).toList());
        assertEquals(new PrunerSpec.Asha(1, 3), s.pruner());
        assertEquals(new SearchSpec.Confirm(5, 5), s.confirm());
        Assignment e = s.enqueue().get(0);
        assertEquals(0.001, e.get("optimizer.lr"));
        assertEquals(128.0, e.get("model.layers[0].dense"));
        assertEquals(2.0, e.get("training.batch_size")); // the index of 64
        assertEquals(13, ((Numeric) s.space().param("model.layers[1].dropout").domain()).size());
    }

    @Test
    void conditionalChoiceNamesItsBranches() {
        SearchSpec s = bind("""
                search:
                  space:
                    optimizer:
                      choice:
                        - {type: sgd,  lr: {float: [1.0e-3, 0.3], log: true}, momentum: 0.9}
                        - {type: adam, lr: {float: [1.0e-5, 1.0e-2], log: true}}
                  enqueue:
                    - {optimizer: {type: adam, lr: 0.001}}
                    - {optimizer: sgd}
                """);
        assertEquals(List.of("optimizer", "optimizer[sgd].lr", "optimizer[adam].lr"),
                s.space().params().stream().map(Param::name).toList());
        assertEquals(new Param("optimizer[adam].lr", s.space().param("optimizer[adam].lr").domain(), "optimizer", 1),
                s.space().param("optimizer[adam].lr"));
        assertEquals(1.0, s.enqueue().get(0).get("optimizer"));
        assertEquals(0.001, s.enqueue().get(0).get("optimizer[adam].lr"));
        assertEquals(0.0, s.enqueue().get(1).get("optimizer"));
    }

    @Test
    void branchesWithoutATypeAreLabelledByIndex() {
        SearchSpec s = bind("""
                search:
                  space:
                    model.layers:
                      choice:
                        - [{dense: {int: [8, 64]}, activation: relu}, {dense: 3}]
                        - [{dense: 3}]
                """);
        assertEquals(List.of("model.layers", "model.layers[0][0].dense"),
                s.space().params().stream().map(Param::name).toList());
    }

    @Test
    void badRangesAreReportedAllAtOnceWithPositions() {
        assertEquals(List.of(
                "s.yaml:4:16: search.space.a: low 0.1 is above high 0.01; write [low, high]",
                "s.yaml:5:16: search.space.b: log: true needs low > 0, found 0",
                "s.yaml:6:43: search.space.c: log: true and step exclude each other (a log range is continuous); drop one",
                "s.yaml:7:30: search.space.d.step: found 0, expected a finite number > 0",
                "s.yaml:8:17: search.space.e.choice: found an empty list, expected at least one option",
                "s.yaml:9:20: search.space.f.float[1]: found 'x', expected a finite number",
                "s.yaml:10:8: search.space.g: found '0.1', expected a range {float: [low, high]} or {int: [low, high]},"
                        + " a {choice: [...]}, or a list of values",
                "s.yaml:11:14: search.space.h: log: true needs low ≥ 1, found 0",
                "s.yaml:12:16: search.space.i: high − low = 0.6 is not a multiple of step 0.25; use high 0.5 or 0.75",
                "s.yaml:13:24: unknown key 'lg' in search.space.j (did you mean log?)",
                "s.yaml:14:15: search.space.k.int[0]: found 1.5 (not whole), expected an integer",
                "s.yaml:15:15: search.space.l: tanh is listed twice"),
                problems("""
                        search:
                          trials: 5
                          space:
                            a: {float: [0.1, 0.01]}
                            b: {float: [0, 1], log: true}
                            c: {float: [0.1, 1], log: true, step: 0.1}
                            d: {float: [0, 1], step: 0}
                            e: {choice: []}
                            f: {float: [0, x]}
                            g: 0.1
                            h: {int: [0, 8], log: true}
                            i: {float: [0, 0.6], step: 0.25}
                            j: {float: [1, 2], lg: true}
                            k: {int: [1.5, 8]}
                            l: [tanh, tanh]
                        """));
    }

    @Test
    void objectiveGuards() {
        assertEquals(List.of("s.yaml:2:23: search.objective: tuning on test_accuracy turns the test split into a"
                + " validation split and its score into an optimistic one; use a val_* metric (with data.validation)"
                + " or set search.allow_test_objective: true"), problems("""
                search:
                  objective: {metric: test_accuracy}
                  space: {a: [1, 2]}
                """));
        assertEquals(Goal.MAXIMIZE, bind("""
                search:
                  objective: test_accuracy
                  allow_test_objective: true
                  space: {a: [1, 2]}
                """).objective().goal());
        assertEquals(List.of("s.yaml:2:14: search.objective: unknown metric 'val_acc' (did you mean val_accuracy?)"),
                problems("""
                        search:
                          objective: val_acc
                          space: {a: [1, 2]}
                        """));
    }

    @Test
    void otherKeysAreCheckedToo() {
        assertEquals(List.of(
                "s.yaml:2:3: unknown key 'trails' in search (did you mean trials?)",
                "s.yaml:3:12: unknown sampler 'tpee' (did you mean tpe?)",
                "s.yaml:4:11: search.window: found 0, expected an integer ≥ 1",
                "s.yaml:5:35: search.pruner.reduction: found 1, expected an integer ≥ 2",
                "s.yaml:6:30: search.confirm.repeats: found 1, expected an integer ≥ 2",
                "s.yaml:9:8: search.enqueue[0]: 'lr' is not a path of search.space; its paths: optimizer.lr,"
                        + " training.batch_size",
                "s.yaml:10:22: search.enqueue[1].optimizer.lr: 5 is outside the space's range [0.0001, 0.1];"
                        + " widen the range or change the value",
                "s.yaml:11:29: search.enqueue[2].training.batch_size: found 48, expected one of the choice's options:"
                        + " 16, 32, 64"), problems("""
                search:
                  trails: 5
                  sampler: tpee
                  window: 0
                  pruner: {type: asha, reduction: 1}
                  confirm: {top: 2, repeats: 1}
                  space: {optimizer.lr: {float: [1.0e-4, 0.1], log: true}, training.batch_size: [16, 32, 64]}
                  enqueue:
                    - {lr: 0.01}
                    - {optimizer.lr: 5}
                    - {training.batch_size: 48}
                """));
    }

    @Test
    void gridSamplerNeedsADiscreteSpace() {
        assertEquals(List.of("s.yaml:2:12: search.sampler: grid needs a discrete space, but a is a continuous range;"
                + " give it a step, make it a choice, or use tpe, random or qmc"), problems("""
                search:
                  sampler: grid
                  space: {a: {float: [0, 1]}}
                """));
    }

    @Test
    void warningsForWideLinearRangesAndSmallSpaces() {
        SearchSpec s = bind("""
                search:
                  trials: 30
                  space:
                    optimizer.lr: {float: [1.0e-5, 1.0e-1]}
                    width: {int: [1, 1024]}
                    act: [relu, tanh]
                """);
        assertEquals(List.of("s.yaml:4:19: warning: search.space.optimizer.lr: [0.00001, 0.1] spans 4.0 decades on a"
                + " linear scale, so nearly every draw lands in the top one; add log: true",
                "s.yaml:5:12: warning: search.space.width: [1, 1024] spans 3.0 decades on a linear scale, so nearly"
                        + " every draw lands in the top one; add log: true"),
                s.warnings().stream().map(Problem::toString).toList());
        SearchSpec small = bind("""
                search:
                  trials: 30
                  space: {a: [1, 2, 3], b: {int: [1, 4]}}
                """);
        assertEquals(List.of("s.yaml:2:3: warning: search: the space has only 12 points, fewer than trials: 30;"
                + " deepgrid runs each point once, in a shuffled order (the grid sampler)"),
                small.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void treeChecks() {
        Node root = tree("""
                repeats: 3
                optimizer: {type: sgd, lr: 0.1}
                model: {layers: [{dense: 4}]}
                grid: {optimizer.lr: [0.1, 0.01]}
                search:
                  space:
                    optimizer.lr: {float: [1.0e-4, 0.1], log: true}
                    model.layers[3].dense: {int: [1, 8]}
                """);
        SearchSpec s = SearchBinder.bind(((Node.MapNode) root).get("search"), 0, Pos.of("t"));
        assertEquals(List.of("s.yaml:1:10: repeats: 3 repeats every run of a grid; in a search, use search.repeats"
                + " (seeds per trial)",
                "s.yaml:7:5: search.space.optimizer.lr: the path is also in grid:; a path is either searched or a grid"
                        + " axis, not both",
                "s.yaml:8:5: search.space.model.layers[3].dense: index 3 is past the end of 'model.layers' (1 element)"),
                SearchChecks.check(root, s).stream().sorted().map(Problem::toString).toList());
        // no objective written: the problem points at the search block
        assertEquals(List.of("s.yaml:6:3: search.objective: val_loss needs a validation split; set data.validation"
                + " (e.g. 0.1) or choose another metric"),
                SearchChecks.checkValidation(s, false).stream().map(Problem::toString).toList());
        assertEquals(List.of(), SearchChecks.checkValidation(s, true));
    }
}
