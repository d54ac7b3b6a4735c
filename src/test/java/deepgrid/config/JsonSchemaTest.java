package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import deepgrid.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema ({@link JsonSchema}) against a real validator (networknt json-schema-validator,
 * draft-07): the committed copy is current and is what {@code deepgrid schema} prints, every
 * example file carries the editor modeline and validates, and every structural case of the
 * bad-file corpus is rejected. After changing the catalogue, rewrite the copy with
 * {@code mvn -q test -Dtest=JsonSchemaTest -Ddeepgrid.regenerate=true}.
 */
class JsonSchemaTest {
    private static final Path COPY = Path.of(JsonSchema.PATH);
    private static final Path CORPUS = Path.of("src/test/resources/bad");
    private static final Pattern MODELINE = Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");

    /**
     * Corpus cases the schema accepts, each with why: their problem is in the data, another file,
     * the environment or a rule across keys, which only {@code deepgrid validate} can see. Every
     * other case (one that parses as YAML and has no --set arguments) must be rejected.
     */
    private static final Map<String, String> NEEDS_DEEPGRID = new TreeMap<>(Map.ofEntries(
            Map.entry("batch-size-quoted-full", "quoting: \"full\" and full are the same JSON string"),
            Map.entry("csv-latin1", "the CSV file's contents"),
            Map.entry("csv-missing-file", "the file system"),
            Map.entry("csv-non-numeric-feature", "the CSV file's contents"),
            Map.entry("csv-one-class", "the CSV file's contents"),
            Map.entry("csv-path-is-a-folder", "the file system"),
            Map.entry("csv-semicolon", "the CSV file's contents"),
            Map.entry("csv-short-row", "the CSV file's contents"),
            Map.entry("csv-unknown-label-column", "the CSV file's header"),
            Map.entry("dense-billion-units", "the memory a network needs, from the data's width"),
            Map.entry("dense-billion-units-batch", "the memory a batch needs, from the data's width"),
            Map.entry("early-stopping-without-validation", "whether the data has a validation split"),
            Map.entry("epochs-octal", "a leading zero: YAML 1.2 editors read 010 as 10, deepgrid refuses the ambiguity"),
            Map.entry("file+name", "the name comes from the file name, which the schema never sees"),
            Map.entry("grid-index-past-end", "a grid path against the file's lists"),
            Map.entry("grid-index-too-large", "a grid path against the file's lists"),
            Map.entry("grid-path-into-nothing", "a grid path against the file's keys"),
            Map.entry("grid-same-configuration", "two values equal once defaults are filled in"),
            Map.entry("idx-dims-overflow", "the IDX file's header"),
            Map.entry("idx-missing-files", "the file system"),
            Map.entry("idx-one-class", "the IDX file's labels"),
            Map.entry("idx-test-images-alone", "test_images and test_labels come together (a rule across keys)"),
            Map.entry("last-activation-with-cross-entropy", "the last layer against the loss (a rule across keys)"),
            Map.entry("last-activation-with-poisson", "the last layer against the loss (a rule across keys)"),
            Map.entry("last-layer-too-wide-xor", "the last layer's width against the data"),
            Map.entry("last-layer-wrong-width-spiral", "the last layer's width against the data"),
            Map.entry("limit-leaves-one-class", "the classes left in the data"),
            Map.entry("loss-binary-on-three-classes", "the loss against the data's targets"),
            Map.entry("loss-categorical-hinge-on-regression", "the loss against the data's targets"),
            Map.entry("loss-classes-on-regression", "the loss against the data's targets"),
            Map.entry("loss-poisson-negative-targets", "the loss against the data's targets"),
            Map.entry("loss-poisson-on-classes", "the loss against the data's targets"),
            Map.entry("loss-poisson-on-csv-classes", "the loss against the data's targets"),
            Map.entry("mnist-empty-folder", "the file system"),
            Map.entry("mnist-path-is-a-file", "the file system"),
            Map.entry("plan-million-runs", "the number of runs the grid expands to"),
            Map.entry("plan-ten-million-repeats", "the number of runs the grid expands to"),
            Map.entry("repeats-past-the-last-seed", "seed + repeats − 1 (a rule across keys)"),
            Map.entry("spiral-too-many-samples", "classes × samples (a rule across keys)")));

    private static Schema schema;

    static synchronized Schema schema() {
        if (schema == null) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(JsonSchema.text(), InputFormat.JSON);
        }
        return schema;
    }

    @Test
    void theCommittedCopyIsCurrent() throws IOException {
        String generated = JsonSchema.text();
        if (Boolean.getBoolean("deepgrid.regenerate")) {
            Files.createDirectories(COPY.getParent());
            Files.writeString(COPY, generated);
        }
        assertEquals(generated, Files.readString(COPY), JsonSchema.PATH + " is stale; rerun this test with"
                + " -Ddeepgrid.regenerate=true and review the diff");
    }

    @Test
    void deepgridSchemaPrintsTheCommittedCopy() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "schema");
        assertEquals(Main.OK, code, err.toString());
        assertEquals("", err.toString());
        assertEquals(Files.readString(COPY), out.toString());
    }

    @Test
    void theSchemaIsValidDraft07() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        List<Error> errors = meta.validate(JsonSchema.schema());
        assertEquals(List.of(), errors);
    }

    static Stream<Path> examples() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("experiments", "bench", "src/test/resources/determinism")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleCarriesTheModelineAndValidates(Path file) throws IOException {
        var m = MODELINE.matcher(Files.readString(file));
        assertTrue(m.find(), file + " has no '# yaml-language-server: $schema=...' line");
        assertEquals(COPY.toAbsolutePath().normalize(), file.toAbsolutePath().getParent().resolve(m.group(1)).normalize(),
                file + ": the modeline must point to " + JsonSchema.PATH);
        assertEquals(List.of(), errors(file), file.toString());
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .filter(n -> !Files.exists(CORPUS.resolve(n + ".args"))) // their problem is a --set argument
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyStructuralBadFileIsRejected(String name) throws IOException {
        List<Error> errors;
        try {
            errors = errors(CORPUS.resolve(name + ".yaml"));
        } catch (ConfigException e) {
            return; // not YAML an editor would take either (syntax, duplicate keys, tags, size): the parser refuses it
        }
        if (NEEDS_DEEPGRID.containsKey(name)) {
            assertEquals(List.of(), errors, name + " is listed as one only deepgrid can judge, but the schema rejects"
                    + " it: remove it from NEEDS_DEEPGRID");
        } else {
            assertTrue(!errors.isEmpty(), name + " is accepted by the schema: make the schema reject it, or list it in"
                    + " NEEDS_DEEPGRID with the reason");
        }
    }

    @Test
    void everyCaseTheSchemaNeedNotJudgeExists() {
        NEEDS_DEEPGRID.keySet().forEach(n -> assertTrue(Files.exists(CORPUS.resolve(n + ".yaml")), n));
    }

    /**
     * Every name of the catalogue, written as a map with every option at its default (or, for a
     * required one, a value inside its range), is accepted by both deepgrid's binder and the
     * schema: the two read the same catalogue, and each default lies in its own range.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyName")
    void theBinderAndTheSchemaAcceptEveryNameWithItsDefaults(String what, Map<String, Object> file) throws IOException {
        String text = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(file);
        Node root = YamlReader.parse(what + ".yaml", text.getBytes(StandardCharsets.UTF_8));
        ExperimentBinder.bind(root, "t", null); // throws ConfigException with the file's problems
        assertEquals(List.of(), schema().validate(json(root)), text);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> everyName() {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (Family<?> f : Catalog.FILE_FAMILIES) {
            for (Family.Entry<?> e : f.entries()) {
                Map<String, Object> written = written(e);
                if (written == null) {
                    continue; // a required path: the file would have to exist
                }
                Map<String, Object> file = base();
                Object named = e.options().isEmpty() ? e.name() : typed(e.name(), written);
                switch (f.kind()) {
                    case "activation" -> layer(file).put("activation", named);
                    case "initializer" -> model(file).put("init", named);
                    case "loss" -> file.put("loss", named);
                    case "optimizer" -> file.put("optimizer", named);
                    case "schedule" -> file.put("optimizer", Map.of("type", "sgd", "schedule", named));
                    case "normalization" -> data(file).put("normalize", e.name());
                    case "metric" -> file.put("training", Map.of("early_stopping", Map.of("metric", e.name())));
                    case "data source" -> {
                        Map<String, Object> d = new java.util.LinkedHashMap<>(written);
                        d.put("source", e.name());
                        file.put("data", d);
                    }
                    case "layer kind" -> {
                        Map<String, Object> l = new java.util.LinkedHashMap<>(written);
                        l.remove("init");
                        l.remove("bias_init");
                        l.remove("activation");
                        l.remove("batchnorm");
                        if (e.name().equals("batchnorm")) {
                            l.put("batchnorm", true);
                        } else if (e.name().equals("activation")) {
                            l.put("activation", "relu");
                        }
                        List<Object> layers = new ArrayList<>(List.of(l));
                        layers.add(Map.of("dense", 1));
                        model(file).put("layers", layers);
                    }
                    default -> throw new AssertionError("no file for family " + f.kind());
                }
                out.add(org.junit.jupiter.params.provider.Arguments.of(f.kind() + " " + e.name(), file));
            }
        }
        return out.stream();
    }

    /** Every option of {@code e} at its default or a value in its range; null if one is a required path. */
    private static Map<String, Object> written(Family.Entry<?> e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Option o : e.options()) {
            if (o.need() == Option.Need.DEFAULT && !(o.dflt() instanceof Map)) {
                m.put(o.key(), o.dflt());
            } else if (o.need() == Option.Need.REQUIRED) {
                if (o.value() instanceof Option.Value.Int i) {
                    m.put(o.key(), (int) Math.max(1, i.range().min() + 1));
                } else if (o.value() instanceof Option.Value.Num n) {
                    m.put(o.key(), n.range().contains(0.5) ? 0.5 : n.range().min() + 1);
                } else if (o.value() instanceof Option.Value.Section sec) {
                    m.put(o.key(), written(new Family.Entry<>(o.key(), Object.class, "", sec.options(), x -> null)));
                } else {
                    return null;
                }
            }
        }
        return m;
    }

    private static Map<String, Object> typed(String name, Map<String, Object> options) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", name);
        m.putAll(options);
        return m;
    }

    private static Map<String, Object> base() {
        Map<String, Object> file = new java.util.LinkedHashMap<>();
        file.put("data", new java.util.LinkedHashMap<>(Map.of("source", "sine")));
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("layers", new ArrayList<>(List.of(new java.util.LinkedHashMap<>(Map.of("dense", 1)))));
        file.put("model", model);
        file.put("loss", "mse");
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> file) {
        return (Map<String, Object>) file.get("model");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> file) {
        return (Map<String, Object>) file.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layer(Map<String, Object> file) {
        return ((List<Map<String, Object>>) model(file).get("layers")).get(0);
    }

    private static List<Error> errors(Path file) throws IOException {
        Node root = YamlReader.parse(file.toString(), Files.readAllBytes(file));
        return schema().validate(json(root));
    }

    /** The file as an editor's YAML 1.2 parser sees it: plain scalars typed by the core schema, quoted ones strings. */
    static JsonNode json(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof Node.MapNode m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, v) -> o.set(k, json(v)));
            return o;
        }
        if (node instanceof Node.ListNode l) {
            var a = f.arrayNode();
            l.items().forEach(i -> a.add(json(i)));
            return a;
        }
        Node.Scalar s = (Node.Scalar) node;
        String t = s.text();
        if (s.quoted()) {
            return f.textNode(t);
        }
        if (t.isEmpty() || t.matches("~|null|Null|NULL")) {
            return f.nullNode();
        }
        if (t.matches("true|True|TRUE")) {
            return f.booleanNode(true);
        }
        if (t.matches("false|False|FALSE")) {
            return f.booleanNode(false);
        }
        if (t.matches("[-+]?[0-9]+")) {
            return f.numberNode(new BigInteger(t));
        }
        if (t.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
            return f.numberNode(new java.math.BigDecimal(t));
        }
        return f.textNode(t); // .inf and .nan have no JSON number: a string, which no number key accepts
    }
}
