package deepgrid.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks in bench/*.java are single-file programs run against the jar; nothing else
 * compiles them, so a renamed method would break them unseen until someone reruns a figure.
 * This compiles each one against the classes under test.
 */
class BenchSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void everyBenchProgramCompilesAgainstTheCurrentClasses() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(Path.of("bench"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.size() >= 2, "bench programs found: " + sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK's compiler");
        for (Path source : sources) {
            StringWriter out = new StringWriter();
            List<String> args = new ArrayList<>(List.of("-d", tmp.resolve(source.getFileName().toString()).toString(),
                    "-cp", System.getProperty("java.class.path"), "-proc:none"));
            var files = javac.getStandardFileManager(null, null, null);
            int code = javac.getTask(out, files, null, args, null, files.getJavaFileObjects(source)).call() ? 0 : 1;
            assertEquals(0, code, source + " does not compile against the current classes:\n" + out);
        }
    }
}
