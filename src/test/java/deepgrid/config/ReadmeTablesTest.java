package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.nn.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's tables of names are the catalogue's: each table between
 * {@code <!-- catalogue:NAME -->} and {@code <!-- /catalogue -->} must equal what this test
 * renders from {@link Catalog} and {@link Sections}. After changing the catalogue, rewrite them with
 * {@code mvn -q test -Dtest=ReadmeTablesTest -Ddeepgrid.regenerate=true} (and the schema with
 * {@code SchemaFileTest}, the same way).
 */
class ReadmeTablesTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern BLOCK = Pattern.compile("(?s)(<!-- catalogue:([a-z-]+) -->\n)(.*?)(<!-- /catalogue -->)");

    @Test
    void everyTableOfNamesIsTheCatalogues() throws IOException {
        String readme = Files.readString(README);
        Matcher m = BLOCK.matcher(readme);
        StringBuilder out = new StringBuilder();
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table(m.group(2)) + m.group(4)));
        }
        m.appendTail(out);
        if (Boolean.getBoolean("deepgrid.regenerate")) {
            Files.writeString(README, out.toString());
        }
        assertEquals(List.of("top", "activations", "initializers", "losses", "optimizers", "schedules", "training",
                "sources", "data"), seen, "the README's catalogue tables");
        assertEquals(out.toString(), readme, "README tables differ from the catalogue; rerun this test with"
                + " -Ddeepgrid.regenerate=true and review the diff");
    }

    static String table(String name) {
        return switch (name) {
            case "top" -> keys(Sections.TOP);
            case "training" -> keys(Sections.TRAINING);
            case "data" -> keys(Sections.DATA.subList(1, Sections.DATA.size()));
            case "losses" -> names(Catalog.LOSSES, "loss", List.of("output activation", "targets", "value (mean over"
                    + " the batch)"), e -> {
                        Loss l = e.bind().apply(MapReader.of(null, new Pos("", 1, 1), "", new Problems()));
                        return List.of(l.outputActivation(), l.targets().description(), e.description());
                    });
            case "activations" -> names(Catalog.ACTIVATIONS, "activation", List.of("f(z)"),
                    e -> List.of(e.description()));
            case "initializers" -> names(Catalog.INITIALIZERS, "name", List.of("draws"), e -> List.of(e.description()));
            case "optimizers" -> names(Catalog.OPTIMIZERS, "type", List.of("update"), e -> List.of(e.description()));
            case "schedules" -> names(Catalog.SCHEDULES, "schedule", List.of("lr of an epoch (from 0)"),
                    e -> List.of(e.description()));
            case "sources" -> names(Catalog.SOURCES, "source", List.of("what"), e -> List.of(e.description()));
            default -> throw new IllegalArgumentException("no catalogue table " + name);
        };
    }

    /** | key | default | meaning | for a section's options. */
    private static String keys(List<Option> options) {
        StringBuilder s = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (Option o : options) {
            String range = o.range().words();
            String names = o.value() instanceof Option.Value.Choice c && c.family().form() == Family.Form.NAME
                    ? "; one of " + c.family().names() : "";
            s.append("| `").append(o.key()).append("` | ").append(o.shownDefault()).append(" | ")
                    .append(cell(o.description())).append(range.isEmpty() ? "" : "; " + range).append(names)
                    .append(" |\n");
        }
        return s.toString();
    }

    /** | name | options (defaults) | columns... | for a family's entries. */
    private static <T> String names(Family<T> family, String head, List<String> columns,
            Function<Family.Entry<T>, List<String>> cells) {
        StringBuilder s = new StringBuilder("| " + head + " | options (defaults) | " + String.join(" | ", columns)
                + " |\n|---|---|" + "---|".repeat(columns.size()) + "\n");
        for (Family.Entry<T> e : family.entries()) {
            s.append("| `").append(e.name()).append("` | ").append(options(e.options())).append(" | ")
                    .append(cells.apply(e).stream().map(ReadmeTablesTest::cell).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return s.toString();
    }

    private static String options(List<Option> options) {
        return options.stream().map(o -> "`" + o.key() + "` " + o.shownDefault()
                + (o.range().words().isEmpty() ? "" : " (" + o.range().words() + ")")).collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
