package deepgrid.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.ConfigText;
import deepgrid.config.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * ConfigText dumps a resolved config entry by entry (memoized per entry, for speed): its text
 * must equal snakeyaml's dump of the whole map, or run ids and config.yaml files would change.
 * Checked on every run of every example and test experiment, with the other way planning
 * takes a shortcut: a grid point's repeats get their specs from the point's, by seed; bound
 * again from their own trees (as when they start), they must have the same ids.
 */
class ConfigDumpTest {
    private static String wholeDump(Map<String, Object> resolved) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(o).dump(resolved);
    }

    @Test
    void entryByEntryEqualsTheWholeDumpForEveryRunOfEveryExperiment() throws IOException {
        int checked = 0;
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("experiments")), Files.list(Path.of("bench/tiny-grids")))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            Planner.Plan plan;
            try {
                plan = Planner.plan(f, List.of(), new deepgrid.data.DataLoader()::load);
            } catch (RuntimeException e) {
                continue; // needs a data set this machine may not have
            }
            for (RunSpec r : plan.runs()) {
                ExperimentSpec spec = r.spec(); // bound again from the point's tree, as when the run starts
                assertEquals(wholeDump(spec.resolved()), ConfigText.toYaml(spec.resolved()), f + " " + r.id());
                if (r.trial() != null) {
                    checked++;
                    continue; // a search's trial ids count trials, not grid points (SearchFileTest)
                }
                String again = RunIds.of(r.variant(), r.coordinates(), spec.seed(), spec.resolved(),
                        DataFingerprint.of(spec.data().source()));
                assertEquals(r.id(), again, f + ": planned (repeats derived from their point) = bound again");
                assertEquals(r.seed(), spec.seed());
                checked++;
            }
        }
        assertTrue(checked > 400, "checked " + checked);
    }
}
