package deepgrid.run.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run handed to an array task in files comes back as the same RunSpec, whatever made it. */
class TaskFilesTest {
    static final String FILE = """
            name: tf
            seed: 7
            repeats: 2
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
              optimizer: [{type: sgd, lr: 0.1}, {type: adam, lr: 0.001}]
              model.layers[*].activation: [relu, "tanh"]
            variants:
              - {name: small, model: {layers: [{dense: 2, activation: relu}, {dense: 1}]}}
              - {name: wide}
            """;

    @TempDir
    Path tmp;

    @Test
    void everyRunComesBackEqualInEveryComponent() throws Exception {
        DataLoader loader = new DataLoader();
        Planner.Plan plan = Planner.plan(Files.writeString(tmp.resolve("tf.yaml"), FILE), List.of(), loader::load);
        List<RunSpec> runs = plan.runs();
        assertEquals(16, runs.size());
        Path sub = tmp.resolve("results/tf/slurm/s1");
        TaskFiles.write(sub, 0, "tf", plan.gridPaths(), runs.subList(0, 9));
        TaskFiles.write(sub, 1, "tf", plan.gridPaths(), runs.subList(9, 16));
        TaskFiles.Task a = TaskFiles.read(sub, 0, loader::load);
        TaskFiles.Task b = TaskFiles.read(sub, 1, loader::load);
        assertEquals("tf", a.experiment());
        assertEquals(plan.gridPaths(), a.gridPaths());
        List<RunSpec> back = new java.util.ArrayList<>(a.runs());
        back.addAll(b.runs());
        for (int i = 0; i < runs.size(); i++) {
            RunSpec r = runs.get(i);
            RunSpec t = back.get(i);
            assertEquals(r.id(), t.id());
            assertEquals(r.coordinates(), t.coordinates());
            assertEquals(List.copyOf(r.coordinates().keySet()), List.copyOf(t.coordinates().keySet()), "grid order");
            assertEquals(r.variant(), t.variant());
            assertEquals(r.repeat(), t.repeat());
            assertEquals(r.spec(), t.spec(), r.id());
            assertEquals(r.seed(), t.seed());
            assertEquals(r.trial(), t.trial());
        }
    }

    @Test
    void aSearchTrialWithItsStopRuleReachesTheTask() throws Exception {
        DataLoader loader = new DataLoader();
        String search = """
                name: ts
                data: {source: xor}
                model: {layers: [{dense: 4, activation: tanh}, {dense: 1}]}
                loss: binary_cross_entropy
                optimizer: {type: sgd, lr: 0.1}
                training: {epochs: 6, batch_size: full}
                search:
                  objective: train_loss
                  trials: 6
                  startup: 4
                  space:
                    optimizer.lr: {float: [1.0e-3, 1.0], log: true}
                  pruner: {type: asha, min_epochs: 1, reduction: 3}
                """;
        Planner.Plan plan = Planner.plan(Files.writeString(tmp.resolve("ts.yaml"), search), List.of(), loader::load);
        // as launched: the stop rule is fixed when a trial starts (the sweep's TrialRuns)
        List<RunSpec> runs = plan.runs().stream().map(r -> new RunSpec(r.spec(), r.coordinates(), r.variant(), r.repeat(),
                r.id(), new deepgrid.run.SearchTrial(r.trial().search(), r.trial().trial(), r.trial().phase(),
                        r.trial().params(), new deepgrid.run.SearchTrial.Pruning("train_loss", "asha minimize 3 1:0.5,0.25 3:"))))
                .toList();
        assertTrue(!runs.isEmpty(), "the search's first trials are known before any result");
        Path sub = tmp.resolve("results/ts/slurm/s1");
        TaskFiles.write(sub, 0, "ts", plan.gridPaths(), runs);
        List<RunSpec> back = TaskFiles.read(sub, 0, loader::load).runs();
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(runs.get(i).trial(), back.get(i).trial());
            assertEquals(runs.get(i).spec(), back.get(i).spec());
        }
    }

    /**
     * Whatever RunSpec holds must reach the task. When a component is added to RunSpec (a
     * search's stop rule, ...), carry it in TaskFiles.fields / runSpec and add it here.
     */
    @Test
    void taskFilesCarryEveryComponentOfRunSpec() {
        Set<String> carried = Set.of("binding", "coordinates", "variant", "repeat", "id", "seed", "trial");
        List<String> components = Arrays.stream(RunSpec.class.getRecordComponents()).map(RecordComponent::getName).toList();
        for (String c : components) {
            assertTrue(carried.contains(c), "RunSpec." + c + " is not carried to Slurm tasks: add it to TaskFiles.fields"
                    + " and TaskFiles.runSpec (and to this test)");
        }
    }

    @Test
    void aTaskOfAnotherVersionOrAnEditedConfigIsRefused() throws Exception {
        DataLoader loader = new DataLoader();
        Planner.Plan plan = Planner.plan(Files.writeString(tmp.resolve("tf.yaml"), FILE), List.of(), loader::load);
        Path sub = tmp.resolve("results/tf/slurm/s2");
        RunSpec run = plan.runs().get(0);
        TaskFiles.write(sub, 0, "tf", plan.gridPaths(), List.of(run));
        Path config = sub.resolve("runs").resolve(run.id() + ".yaml");
        Files.writeString(config, Files.readString(config).replace("epochs: 2", "epochs: 3"));
        String m = assertThrows(DeepgridException.class, () -> TaskFiles.read(sub, 0, loader::load)).getMessage();
        assertTrue(m.contains("binds to another configuration than the driver's"), m);
        Files.writeString(TaskFiles.file(sub, 0), "- not a task file\n");
        assertTrue(assertThrows(DeepgridException.class, () -> TaskFiles.read(sub, 0, loader::load)).getMessage()
                .contains("no 'experiment'"));
    }
}
