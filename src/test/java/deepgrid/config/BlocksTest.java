package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.run.cluster.SlurmSettings;
import deepgrid.run.grid.search.SearchBinder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults the catalogue shows for {@code diagnostics}, {@code search} and {@code launcher}
 * (README table, JSON Schema) are the ones their binders resolve when nothing is written.
 */
class BlocksTest {
    private static Node parse(String yaml) {
        return YamlReader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Option> options(Option o) {
        Option.Value v = o.value();
        if (v instanceof Option.Value.AnyOf a) {
            v = a.forms().stream().filter(f -> f instanceof Option.Value.Section).findFirst().orElseThrow();
        }
        return v instanceof Option.Value.Switch s ? s.options() : ((Option.Value.Section) v).options();
    }

    private static Option option(List<Option> options, String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    /** Every defaulted scalar option of {@code options} has the value {@code resolved} holds. */
    private static void sameDefaults(String where, List<Option> options, Map<?, ?> resolved) {
        for (Option o : options) {
            if (o.need() == Option.Need.DEFAULT && !(o.dflt() instanceof Map) && !(o.dflt() instanceof Boolean b && b
                    && resolved.get(o.key()) instanceof Map)) {
                Object r = resolved.get(o.key());
                Object expected = o.dflt() instanceof Number n && r instanceof Number ? (Object) n.doubleValue() : o.dflt();
                Object actual = r instanceof Number n && o.dflt() instanceof Number ? (Object) n.doubleValue() : r;
                assertEquals(expected, actual, where + "." + o.key());
            }
        }
    }

    @Test
    void diagnosticsDefaultsAreTheBinders() {
        Problems problems = new Problems();
        MapReader top = MapReader.of(parse("{}"), new Pos("t.yaml", 1, 1), "", problems);
        DiagnosticsBinder.bind(top, 50);
        Map<?, ?> resolved = (Map<?, ?>) top.resolved().get("diagnostics");
        List<Option> parts = options(Blocks.DIAGNOSTICS);
        sameDefaults("diagnostics", parts, resolved);
        for (String part : List.of("histograms", "boundary", "confusion", "events")) {
            sameDefaults("diagnostics." + part, options(option(parts, part)), (Map<?, ?>) resolved.get(part));
        }
    }

    @Test
    void searchDefaultsAreTheBinders() {
        Node block = parse("space: {optimizer.lr: {float: [0.001, 0.1]}}");
        Map<String, Object> resolved = SearchBinder.bind(block, 0, block.pos()).resolved();
        List<Option> options = options(Blocks.SEARCH);
        sameDefaults("search", options.stream().filter(o -> !o.key().equals("objective")).toList(), resolved);
        assertEquals(option(options, "objective").dflt(), ((Map<?, ?>) resolved.get("objective")).get("metric"));
        List<Option> objective = options(option(options, "objective"));
        sameDefaults("search.objective", objective, (Map<?, ?>) resolved.get("objective"));
        sameDefaults("search.confirm", options(option(options, "confirm")), (Map<?, ?>) resolved.get("confirm"));
        var pruners = ((Option.Value.AnyOf) option(options, "pruner").value()).forms();
        for (Option.Value form : pruners) {
            if (form instanceof Option.Value.Section typed) {
                String type = ((Option.Value.Words) typed.options().get(0).value()).words().get(0);
                Node b = parse("space: {optimizer.lr: {float: [0.001, 0.1]}}\npruner: {type: " + type + "}");
                sameDefaults("search.pruner " + type, typed.options(),
                        (Map<?, ?>) SearchBinder.bind(b, 0, b.pos()).resolved().get("pruner"));
            }
        }
    }

    @Test
    void launcherDefaultsAreTheBinders() {
        Problems problems = new Problems();
        SlurmSettings s = SlurmSettings.read(parse("launcher: {}"), problems);
        List<Option> options = options(Blocks.LAUNCHER);
        sameDefaults("launcher", options, Map.of("cpus_per_task", s.cpusPerTask(), "parallel", s.parallel(),
                "runs_per_task", s.runsPerTask()));
    }
}
