package deepgrid.run;

import static deepgrid.run.Trees.parse;
import static deepgrid.run.Trees.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.ConfigException;
import deepgrid.config.Problem;
import deepgrid.data.DataLoader;
import deepgrid.run.grid.Expander;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §1.6/§2: {@code --set path=value} is applied before expansion; a plan binds every point. */
class PlannerTest {
    static final String FILE = """
            name: t
            seed: 3
            data: {source: xor}
            model:
              layers:
                - dense: 4
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 2, batch_size: full}
            grid:
              optimizer.lr: [0.1, 0.01]
              model.layers[*].activation: [relu, tanh]
            """;

    private static List<Expander.Point> expand(String yaml, String... sets) {
        return Expander.expand(Planner.applySets(parse(yaml), List.of(sets)));
    }

    private static List<String> values(List<Expander.Point> points, String path) {
        return points.stream().map(p -> text(p.tree(), path)).toList();
    }

    @Test
    void setsANestedValue() {
        var points = expand(FILE, "optimizer.type=momentum", "model.layers[0].dense=16", "training.epochs=5");
        assertEquals(4, points.size());
        assertEquals(List.of("momentum"), values(points, "optimizer.type").stream().distinct().toList());
        assertEquals(List.of("16"), values(points, "model.layers[0].dense").stream().distinct().toList());
        assertEquals(List.of("5"), values(points, "training.epochs").stream().distinct().toList());
        assertEquals(List.of("full"), values(points, "training.batch_size").stream().distinct().toList(),
                "a nested set leaves the siblings alone");
    }

    @Test
    void aMapValueReplacesTheWholeSection() {
        var points = expand(FILE, "training={epochs: 3, batch_size: 2}");
        assertEquals("{epochs: 3, batch_size: 2}", text(points.get(0).tree(), "training"));
    }

    @Test
    void setIsAppliedBeforeExpansion() {
        var points = expand(FILE, "repeats=2", "seed=5");
        assertEquals(8, points.size());
        assertEquals(List.of("5", "6"), values(points, "seed").subList(0, 2));
        assertEquals(List.of("5"), values(points, "data.seed").stream().distinct().toList());
    }

    @Test
    void aBaseValueUnderAGridPathIsStillVariedByTheGrid() {
        var points = expand(FILE, "optimizer.lr=0.5");
        assertEquals(List.of("0.1", "0.1", "0.01", "0.01"), values(points, "optimizer.lr"));
    }

    @Test
    void setOverridesAGridEntryItself() {
        var points = expand(FILE, "grid.optimizer.lr=[0.5]");
        assertEquals(List.of("0.5", "0.5"), values(points, "optimizer.lr"));
        assertEquals(List.of("relu", "tanh"), values(points, "model.layers[0].activation"));
        assertEquals(List.of("optimizer.lr", "model.layers[*].activation"), List.copyOf(points.get(0).coordinates().keySet()),
                "the grid keeps its order");
    }

    @Test
    void setOverridesAGridEntryWithIndexesInItsPath() {
        var points = expand(FILE, "grid.model.layers[*].activation=[sigmoid]");
        assertEquals(List.of("sigmoid", "sigmoid"), values(points, "model.layers[0].activation"));
        assertEquals(List.of("0.1", "0.01"), values(points, "optimizer.lr"));
    }

    @Test
    void setAddsAGridToAFileWithout() {
        String noGrid = FILE.substring(0, FILE.indexOf("grid:"));
        var points = expand(noGrid, "grid.optimizer.lr=[0.3, 0.03, 0.003]");
        assertEquals(List.of("0.3", "0.03", "0.003"), values(points, "optimizer.lr"));
        assertEquals("0.03", points.get(1).coordinates().get("optimizer.lr"));
    }

    @Test
    void setCanReplaceOrRemoveTheWholeGrid() {
        assertEquals(2, expand(FILE, "grid={training.epochs: [1, 2]}").size());
        assertEquals(1, expand(FILE, "grid=").size());
    }

    @Test
    void everyBadSetIsReportedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> expand(FILE, "optimizer.lr", "optimizer..lr=1",
                "model.layers[9].dense=3", "optimizer.lr=[1,", "grid.model.layers[x]=[1]"));
        List<String> messages = e.problems().stream().map(Problem::toString).toList();
        assertEquals(5, messages.size(), e.getMessage());
        assertTrue(messages.get(0).startsWith("--set optimizer.lr: expected path=value"), messages.get(0));
        assertTrue(messages.get(1).startsWith("--set optimizer..lr=1: bad path 'optimizer..lr'"), messages.get(1));
        assertEquals("--set model.layers[9].dense=3: model.layers[9].dense: index 9 is past the end of 'model.layers'"
                + " (2 elements)", messages.get(2));
        assertTrue(messages.get(3).startsWith("--set optimizer.lr=[1,"), messages.get(3));
        assertTrue(messages.get(4).startsWith("--set grid.model.layers[x]=[1]: bad path 'model.layers[x]'"), messages.get(4));
    }

    @Test
    void aPlanBindsEveryPointWithAUniqueId(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), FILE + "repeats: 2\n");
        Planner.Plan plan = Planner.plan(file, List.of(), new DataLoader()::load);
        assertEquals("t", plan.experiment());
        assertEquals(List.of("optimizer.lr", "model.layers[*].activation"), plan.gridPaths());
        assertEquals(8, plan.runs().size());
        assertEquals(8, plan.runs().stream().map(RunSpec::id).distinct().count());
        assertEquals(List.of(3L, 4L), plan.runs().subList(0, 2).stream().map(RunSpec::seed).toList());
    }

    @Test
    void twoPointsWithTheSameConfigurationAreAnError(@TempDir Path dir) throws IOException {
        // written differently, the same after binding: sgd's default lr is 0.01
        Path file = Files.writeString(dir.resolve("t.yaml"), FILE.replace("optimizer.lr: [0.1, 0.01]",
                "optimizer: [{type: sgd}, {type: sgd, lr: 0.01}]"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Planner.plan(file, List.of(), new DataLoader()::load));
        assertEquals(file + ": two runs resolve to the same configuration (optimizer={type: sgd}"
                + " model.layers[*].activation=relu and optimizer={type: sgd, lr: 0.01} model.layers[*].activation=relu,"
                + " seed 3); a grid or variant repeats a value", e.getMessage());
    }

    @Test
    void aGridOverTheLearningRateWorksOnTheDefaultOptimizer(@TempDir Path dir) throws IOException {
        String noOptimizer = FILE.replace("optimizer: {type: sgd, lr: 0.1}\n", "")
                .replace("  model.layers[*].activation: [relu, tanh]\n", "");
        Path file = Files.writeString(dir.resolve("t.yaml"), noOptimizer);
        Planner.Plan plan = Planner.plan(file, List.of(), new DataLoader()::load);
        assertEquals(List.of("{type=sgd, lr=0.1, schedule=constant}", "{type=sgd, lr=0.01, schedule=constant}"),
                plan.runs().stream().map(r -> r.spec().resolved().get("optimizer").toString()).toList());
        Planner.Plan set = Planner.plan(file, List.of("grid=", "optimizer.lr=0.5"), new DataLoader()::load);
        assertEquals("{type=sgd, lr=0.5, schedule=constant}", set.runs().get(0).spec().resolved().get("optimizer").toString());
    }

    @Test
    void nullIsNoneForASettingThatIsOffByDefault(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), FILE.replace("  model.layers[*].activation: [relu, tanh]\n",
                "  training.clip_grad_norm: [~, 1.0]\n"));
        Planner.Plan plan = Planner.plan(file, List.of(), new DataLoader()::load);
        assertEquals(List.of(0.0, 1.0, 0.0, 1.0), plan.runs().stream().map(r -> r.spec().training().clipGradNorm()).toList());
    }
}
