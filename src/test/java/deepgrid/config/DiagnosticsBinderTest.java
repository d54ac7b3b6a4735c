package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataLoader;
import deepgrid.train.DiagnosticsSpec;
import deepgrid.train.DiagnosticsSpec.Output;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The diagnostics: block: defaults, switches, settings, the resolved config, and every mistake's exact message. */
class DiagnosticsBinderTest {
    private static final String BASE = """
            data:
              source: xor
            model:
              layers:
                - {dense: 2, activation: tanh}
                - dense: 1
            loss: binary_cross_entropy
            training:
              epochs: 40
            """;
    private static final DataLoader DATA = new DataLoader();

    private static ExperimentSpec bind(String diagnostics) {
        Node tree = YamlReader.parse("d.yaml", (BASE + diagnostics).getBytes(StandardCharsets.UTF_8));
        return ExperimentBinder.bind(tree, "d", DATA::load);
    }

    private static List<String> problems(String diagnostics) {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(diagnostics));
        return e.getMessage().lines().toList();
    }

    @Test
    void absentMeansEveryOutputOnWithItsDefaults() {
        ExperimentSpec s = bind("");
        DiagnosticsSpec d = s.diagnostics();
        assertEquals(Set.of(Output.values()), d.on());
        assertEquals(1000, d.probe());
        assertEquals(List.of(0), List.copyOf(d.histograms().epochs().epochs()));
        assertEquals(DiagnosticsSpec.Snapshots.Last.INCLUDED, d.histograms().epochs().last());
        assertEquals(30, d.histograms().bins());
        assertEquals(List.of(0, 10, 20, 30), List.copyOf(d.boundary().epochs().epochs()), "0, ¼, ½, ¾ of 40, and last");
        assertEquals(100, d.boundary().resolution());
        assertEquals(10, d.confusion().mistakes());
        assertEquals(8, d.events().stuckEpochs(), "a fifth of 40 epochs");
        assertEquals("{probe=1000, layers=true, histograms={epochs=[0, last], bins=30}, boundary={epochs=[0, 10, 20, 30,"
                + " last], resolution=100}, confusion={mistakes=10}, events={vanishing=0.001, exploding=1000.0, dead=0.5,"
                + " saturated=0.5, update_ratio_high=1.0, update_ratio_low=1.0E-6, stuck_epochs=8, diverging=10.0}}",
                s.resolved().get("diagnostics").toString());
    }

    @Test
    void falseTurnsEverythingOffAndTrueEverythingOn() {
        ExperimentSpec off = bind("diagnostics: false\n");
        assertEquals(Set.of(), off.diagnostics().on());
        assertEquals(false, ((Map<?, ?>) off.resolved().get("diagnostics")).get("histograms"));
        assertEquals(Set.of(Output.values()), bind("diagnostics: true\n").diagnostics().on());
    }

    @Test
    void eachOutputHasItsOwnSwitchAndSettings() {
        ExperimentSpec s = bind("""
                diagnostics:
                  probe: 256
                  layers: false
                  histograms: {epochs: [0, 5, last], bins: 20}
                  boundary: false
                  confusion: {mistakes: 0}
                  events: {vanishing: 1e-4, stuck_epochs: 3}
                """);
        DiagnosticsSpec d = s.diagnostics();
        assertEquals(Set.of(Output.HISTOGRAMS, Output.CONFUSION, Output.EVENTS), d.on());
        assertEquals(256, d.probe());
        assertEquals(List.of(0, 5), List.copyOf(d.histograms().epochs().epochs()));
        assertEquals(20, d.histograms().bins());
        assertEquals(0, d.confusion().mistakes());
        assertEquals(1e-4, d.events().vanishing());
        assertEquals(3, d.events().stuckEpochs());
        assertEquals(1000.0, d.events().exploding(), "the others keep their defaults");
        Map<?, ?> resolved = (Map<?, ?>) s.resolved().get("diagnostics");
        assertEquals(false, resolved.get("layers"));
        assertEquals(false, resolved.get("boundary"));
        assertEquals("{epochs=[0, 5, last], bins=20}", resolved.get("histograms").toString());
    }

    @Test
    void histogramsWithoutLastTakeOnlyTheListedEpochs() {
        var e = bind("diagnostics: {histograms: {epochs: [3, 0]}}\n").diagnostics().histograms().epochs();
        assertEquals(List.of(0, 3), List.copyOf(e.epochs()));
        assertFalse(e.last() == DiagnosticsSpec.Snapshots.Last.INCLUDED);
    }

    @Test
    void everyMistakeIsReportedWithItsPosition() {
        assertEquals(List.of("d.yaml:11:3: unknown key 'histogram' in diagnostics (did you mean histograms?)"),
                problems("diagnostics:\n  histogram: false\n"));
        assertEquals(List.of("d.yaml:11:15: diagnostics.histograms: found 'yes' (YAML 1.1's yes/no/on/off are not"
                + " booleans here), expected true, false or a map of settings"), problems("diagnostics:\n  histograms: yes\n"));
        assertEquals(List.of("d.yaml:11:22: diagnostics.histograms.bins: found 60, expected an integer ≥ 20 and ≤ 50"),
                problems("diagnostics:\n  histograms: {bins: 60}\n"));
        assertEquals(List.of("d.yaml:11:26: diagnostics.boundary.epochs: found -1, expected an epoch number ≥ 0 or last",
                "d.yaml:11:30: diagnostics.boundary.epochs: found 'first', expected an epoch number ≥ 0 or last"),
                problems("diagnostics:\n  boundary: {epochs: [0, -1, first]}\n"));
        assertEquals(List.of("d.yaml:11:22: diagnostics.boundary.epochs: found 'last', expected a list of epoch numbers"
                + " and last, e.g. [0, 10, last]"), problems("diagnostics:\n  boundary: {epochs: last}\n"));
        assertEquals(List.of("d.yaml:11:11: diagnostics.layers: found a map, expected true or false"),
                problems("diagnostics:\n  layers: {on: true}\n"));
        assertEquals(List.of("d.yaml:11:10: diagnostics.probe: found 0, expected an integer ≥ 1 and ≤ 100000"),
                problems("diagnostics:\n  probe: 0\n"));
        assertEquals(List.of("d.yaml:11:30: diagnostics.events.update_ratio_low: found 2, expected a number below"
                + " update_ratio_high (1)"), problems("diagnostics:\n  events: {update_ratio_low: 2}\n"));
        assertEquals(List.of("d.yaml:10:14: diagnostics: found a list, expected true, false or a map of settings"),
                problems("diagnostics: [histograms]\n"));
    }

    @Test
    void diagnosticsAreNotPartOfTheRunIdentity() {
        var a = bind("");
        var b = bind("diagnostics: false\n");
        assertEquals(deepgrid.run.RunIds.hash(a.resolved()), deepgrid.run.RunIds.hash(b.resolved()),
                "the same training, whatever is recorded about it");
        assertTrue(a.resolved().containsKey("diagnostics"), "but config.yaml records them");
    }
}
