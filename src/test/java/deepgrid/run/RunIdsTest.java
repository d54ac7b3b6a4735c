package deepgrid.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §3: a run folder name is safe on every file system and stable for the same resolved configuration. */
class RunIdsTest {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");
    private static final Path RESULTS = Path.of("/results/exp/runs").toAbsolutePath();
    private static final Map<String, Object> RESOLVED = Map.of("seed", 0, "optimizer", Map.of("type", "sgd", "lr", 0.1));

    static Stream<String> nasty() {
        return Stream.of("../x", "/etc", "/etc/passwd", "..\\..\\windows", "CON", "con", "nul.txt", "NUL", "aux.tar.gz",
                "COM1", "lpt9.log", "a/b\\c", "x".repeat(300), "0.1/".repeat(100), "α=0.1", "\uD83D\uDE80", "🚀🚀 rocket",
                "", " ", ".", "..", "...", "-1", "-", "_x", ".hidden", "a:b*c?\"<>|", "tab\there", "new\nline",
                "{type: adam, lr: 0.001}", "[8, 8]", "C:\\Windows", "~root", "%2e%2e%2f");
    }

    private static void assertSafe(String id, String from) {
        String why = "id '" + id + "' from '" + from + "'";
        assertTrue(SAFE.matcher(id).matches(), why);
        assertTrue(id.length() <= 100, why + " is " + id.length() + " characters");
        int dot = id.indexOf('.');
        assertFalse(DEVICE.matcher(dot < 0 ? id : id.substring(0, dot)).matches(), why + " is a Windows device name");
        Path p = RESULTS.resolve(id).normalize();
        assertTrue(p.startsWith(RESULTS) && p.getParent().equals(RESULTS), why + " leaves the folder: " + p);
    }

    @ParameterizedTest(name = "grid value {0}")
    @MethodSource("nasty")
    void aGridValueGivesASafeId(String value) {
        assertSafe(RunIds.of("", Map.of("p", value), 0, RESOLVED), value);
        var two = new LinkedHashMap<String, String>();
        two.put("a", value);
        two.put("b", value);
        assertSafe(RunIds.of("", two, 123_456_789L, RESOLVED), value);
    }

    @ParameterizedTest(name = "variant {0}")
    @MethodSource("nasty")
    void aVariantNameGivesASafeId(String name) {
        assertSafe(RunIds.of(name, Map.of(), 0, RESOLVED), name);
        assertSafe(RunIds.of(name, Map.of("p", name), 7, RESOLVED), name);
    }

    @ParameterizedTest(name = "safe({0})")
    @MethodSource("nasty")
    void safeTextIsAFolderNameToo(String text) {
        String s = RunIds.safe(text);
        assertTrue(SAFE.matcher(s).matches(), s);
        int dot = s.indexOf('.');
        assertFalse(DEVICE.matcher(dot < 0 ? s : s.substring(0, dot)).matches(), s);
        assertFalse(s.contains(".."), s);
    }

    @Test
    void anIdIsReadableThenAHash() {
        var coords = new LinkedHashMap<String, String>();
        coords.put("optimizer.lr", "0.1");
        coords.put("model.layers[*].activation", "relu");
        String id = RunIds.of("adam", coords, 3, RESOLVED);
        assertTrue(id.matches("adam_0\\.1_relu_s3-[0-9a-f]{8}"), id);
        assertTrue(RunIds.of("", Map.of("optimizer", "{type: adam, lr: 0.001}"), 0, RESOLVED)
                .matches("type-adam-lr-0\\.001_s0-[0-9a-f]{8}"));
    }

    @Test
    void theHashIgnoresNameAndDescriptionAndMapOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "one");
        a.put("description", "first try");
        a.put("seed", 1);
        Map<String, Object> b = new LinkedHashMap<>(a);
        b.put("name", "two");
        b.put("description", "second try");
        assertEquals(RunIds.hash(a), RunIds.hash(b));
        b.put("seed", 2);
        assertNotEquals(RunIds.hash(a), RunIds.hash(b));
    }

    // ---- through the planner: the resolved config decides ----

    static final String FILE = """
            name: ids
            description: first description
            seed: 1
            data: {source: xor}
            model:
              layers:
                - dense: 3
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.5}
            training: {epochs: 4, batch_size: full}
            grid:
              model.layers[*].activation: [tanh, relu]
            """;

    private static List<String> ids(Path dir, String yaml, String... sets) throws IOException {
        Path file = Files.writeString(dir.resolve("ids.yaml"), yaml);
        return Planner.plan(file, List.of(sets), new DataLoader()::load).runs().stream().map(RunSpec::id).toList();
    }

    @Test
    void theSameFileGivesTheSameIdsEveryTime(@TempDir Path dir) throws IOException {
        List<String> first = ids(dir, FILE);
        assertEquals(first, ids(dir, FILE));
        assertEquals(first, ids(dir, "# a comment\n" + FILE.replace("seed: 1", "seed:    1")), "layout is not config");
        assertEquals(first, ids(dir, FILE.replace("lr: 0.5", "lr: 5e-1")), "the same number written differently");
        String reordered = FILE.replace("optimizer: {type: sgd, lr: 0.5}\n", "")
                .replace("loss: binary_cross_entropy\n", "loss: binary_cross_entropy\noptimizer: {lr: 0.5, type: sgd}\n")
                .replace("training: {epochs: 4, batch_size: full}", "training: {batch_size: full, epochs: 4}");
        assertNotEquals(FILE, reordered);
        assertEquals(first, ids(dir, reordered), "key order is not config");
    }

    @Test
    void aChangedDescriptionOrNameKeepsTheIds(@TempDir Path dir) throws IOException {
        List<String> first = ids(dir, FILE);
        assertEquals(first, ids(dir, FILE.replace("first description", "a better description")));
        assertEquals(first, ids(dir, FILE.replace("name: ids", "name: renamed")));
    }

    @Test
    void aChangedResolvedConfigGivesNewIds(@TempDir Path dir) throws IOException {
        List<String> first = ids(dir, FILE);
        for (String changed : List.of(FILE.replace("lr: 0.5", "lr: 0.25"), FILE.replace("epochs: 4", "epochs: 5"),
                FILE.replace("dense: 3", "dense: 4"), FILE.replace("data: {source: xor}", "data: {source: xor, seed: 9}"))) {
            List<String> other = ids(dir, changed);
            for (int i = 0; i < first.size(); i++) {
                assertNotEquals(first.get(i), other.get(i), changed);
            }
        }
        List<String> viaSet = ids(dir, FILE, "optimizer.lr=0.25");
        assertEquals(ids(dir, FILE.replace("lr: 0.5", "lr: 0.25")), viaSet, "--set is the same as editing the file");
    }

    @Test
    void addingRepeatsKeepsTheEarlierRuns(@TempDir Path dir) throws IOException {
        List<String> one = ids(dir, FILE);
        List<String> two = ids(dir, FILE + "repeats: 2\n");
        assertEquals(List.of(one.get(0), one.get(1)), List.of(two.get(0), two.get(2)),
                "seed 1 of each point is the same run, so a resume only adds seed 2");
        assertEquals(4, two.stream().distinct().count());
    }

    @Test
    void idsDoNotDependOnTheDefaultLocale(@TempDir Path dir) throws IOException {
        List<String> first = ids(dir, FILE);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR")); // dotless i: toLowerCase/format traps
            assertEquals(first, ids(dir, FILE));
            Locale.setDefault(Locale.GERMANY); // ',' decimals
            assertEquals(first, ids(dir, FILE));
        } finally {
            Locale.setDefault(saved);
        }
    }

    // ---- issue 14 item 8: the data's content is part of the identity ----

    private static final String CSV_FILE = """
            name: csvids
            data: {source: csv, path: '%s', label: y, test: 0}
            model:
              layers:
                - dense: 2
            loss: cross_entropy
            training: {epochs: 1}
            """;

    @Test
    void aDataFileWithOtherRowsGivesNewIdsTheSameRowsKeepThem(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n1,a\n2,b\n3,a\n4,b\n");
        String yaml = CSV_FILE.formatted(csv);
        List<String> first = ids(dir, yaml);
        Files.writeString(csv, "x,y\n1,a\n2,b\n3,a\n4,b\n"); // written again: a new modification time
        Files.setLastModifiedTime(csv, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        assertEquals(first, ids(dir, yaml), "the same content is the same data");
        Files.writeString(csv, "x,y\n1,a\n2,b\n3,b\n4,a\n"); // same size, other rows
        assertNotEquals(first, ids(dir, yaml));
    }

    @Test
    void generatedDataKeepsTheIdsItHadBeforeFingerprints(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ids.yaml"), FILE);
        RunSpec run = Planner.plan(file, List.of(), new DataLoader()::load).runs().get(0);
        assertEquals("tanh_s1-" + RunIds.hash(run.spec().resolved()), run.id());
    }
}
