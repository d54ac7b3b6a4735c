package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 8: rerunning after a data file changed trains again instead of keeping the old result. */
class DataChangeTest {
    private static String run(Path file, Path out) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", file.toString(), "--out",
                out.toString());
        assertEquals(Main.OK, code, err.toString());
        return err.toString();
    }

    @Test
    void overwritingTheCsvWithOtherRowsMakesTheRunNew(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n0,a\n1,b\n2,a\n3,b\n4,a\n5,b\n");
        Path file = Files.writeString(dir.resolve("e.yaml"), """
                data: {source: csv, path: '%s', label: y, test: 0}
                model:
                  layers:
                    - dense: 2
                loss: cross_entropy
                training: {epochs: 1}
                """.formatted(csv));
        Path out = dir.resolve("results");
        assertTrue(run(file, out).contains("1 runs: 1 completed, 0 diverged, 0 failed, 0 already done"));
        assertTrue(run(file, out).contains("1 runs: 0 completed, 0 diverged, 0 failed, 1 already done"), "unchanged: resumed");

        Files.writeString(csv, "x,y\n0,b\n1,a\n2,b\n3,a\n4,b\n5,a\n");
        assertTrue(run(file, out).contains("1 runs: 1 completed, 0 diverged, 0 failed, 0 already done"),
                "the data changed: trained again");
        assertEquals(2, Files.readAllLines(out.resolve("e").resolve("runs.csv")).size(), "one run in runs.csv");
        try (Stream<Path> retired = Files.list(out.resolve("e").resolve("previous"))) {
            assertEquals(1, retired.count(), "the run on the old data is kept aside, not deleted");
        }
    }
}
