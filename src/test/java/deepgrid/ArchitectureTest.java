package deepgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS habit 12: the allowed package graph, held by a test that reads every
 * reference to another deepgrid package (imports and fully qualified names) in the main
 * sources. Dependencies point one way: cli → run, report, config, lint; lint → run, config
 * (the warnings read planned runs); run → train, config, data; train → nn, data; config →
 * nn, data; nn, data → math. The numerical core reads no YAML, CSV or files.
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "cli", Set.of("run", "report", "config", "lint", "data", "train", "nn", "math"),
            "lint", Set.of("run", "config", "data", "train", "nn", "math"),
            "report", Set.of("run", "config"),
            "run", Set.of("train", "config", "data", "nn", "math"),
            "train", Set.of("nn", "data", "math"),
            "config", Set.of("nn", "data", "train", "math"),
            "nn", Set.of("math"),
            "data", Set.of("math"),
            "math", Set.of());
    /** What the numerical core (nn, train, math) never touches: YAML, CSV, files. */
    private static final Pattern IO = Pattern.compile("\\b(org\\.yaml|com\\.fasterxml|java\\.nio\\.file|java\\.io\\.File)");
    private static final Pattern REFERENCE = Pattern.compile("\\bdeepgrid\\.([a-z]+)\\.");

    @Test
    void everyPackageDependsOnlyOnTheOnesBelowIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/deepgrid"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = Path.of("src/main/java/deepgrid").relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // the root package (DeepgridException): used by all
                }
                String pkg = rel.getName(0).toString();
                String code = withoutStrings(withoutComments(read(f)));
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(used)) {
                        offenders.add(rel + " uses deepgrid." + used);
                    }
                }
                if (Set.of("nn", "train").contains(pkg) && IO.matcher(code).find()) {
                    offenders.add(rel + " reads YAML, CSV or files");
                }
            }
        }
        assertEquals(List.of(), offenders.stream().distinct().toList());
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    /** String literals name files and formats ("deepgrid.schema.json"), not packages. */
    private static String withoutStrings(String code) {
        return code.replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
