package deepgrid.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.DeepgridException;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** All rows, in file order (test 0, and the shuffle undone by sorting on the first feature). */
    private Dataset whole(Csv csv) {
        Splits s = csv.load(new Rng(0));
        assertEquals(0, s.test().size());
        Dataset d = s.train();
        int[] order = java.util.stream.IntStream.range(0, d.size()).boxed()
                .sorted(java.util.Comparator.comparingDouble(i -> d.x().getEntry(i, 0)))
                .mapToInt(Integer::intValue).toArray();
        return d.rows(order, 0, order.length);
    }

    private String message(Csv csv) {
        return assertThrows(DeepgridException.class, () -> csv.load(new Rng(0))).getMessage();
    }

    @Test
    void stringLabelsBecomeSortedClasses() throws IOException {
        Path p = file("iris.csv", "a,species,b\n1,versicolor,10\n2,setosa,20\n3,virginica,30\n4,setosa,40\n");
        Dataset d = whole(new Csv(p, "species", null, null, 0));
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classes());
        assertArrayEquals(new int[] {1, 0, 2, 0}, d.labels());
        assertArrayEquals(new double[] {1, 10, 2, 20, 3, 30, 4, 40}, d.x().data());
    }

    @Test
    void integerLabelsSortNumerically() throws IOException {
        Path p = file("d.csv", "x,y\n1,10\n2,9\n3,-1\n4,09\n");
        Dataset d = whole(new Csv(p, "y", null, null, 0));
        assertEquals(List.of("-1", "9", "10"), d.classes());
        assertArrayEquals(new int[] {2, 1, 0, 1}, d.labels());
    }

    @Test
    void nonIntegerNumbersMeanRegression() throws IOException {
        Path p = file("r.csv", "x,y\n1,0.5\n2,2\n3,-1e-3\n");
        Dataset d = whole(new Csv(p, "y", null, null, 0));
        assertEquals(List.of(), d.classes());
        assertArrayEquals(new double[] {0.5, 2, -0.001}, d.y().data());
    }

    @Test
    void chosenFeaturesInTheirOrderAndQuotedFields() throws IOException {
        Path p = file("q.csv", "name,\"w, kg\",h,label\n\"Smith, \"\"J\"\"\",70,1.8,a\nLee,\"55\",1.6,\"b\"\n\n");
        Dataset d = whole(new Csv(p, "label", List.of("h", "w, kg"), null, 0));
        assertArrayEquals(new double[] {1.6, 55, 1.8, 70}, d.x().data());
        assertEquals(List.of("a", "b"), d.classes());
        assertArrayEquals(new int[] {1, 0}, d.labels());
    }

    @Test
    void malformedRowsAreReportedTogetherWithLineNumbers() throws IOException {
        Path p = file("bad.csv", "x1,x2,label\n1,2,a\n1,2\n\"multi\nline\",2,a\n1,NaN,b\n1,2, \n1,2,a,extra\n");
        assertEquals(String.join("\n",
                p + ":3: 2 cells; expected 3, one per header column",
                p + ":4: feature 'x1' is 'multi\nline'; expected a finite number",
                p + ":6: feature 'x2' is 'NaN'; expected a finite number",
                p + ":7: the label is empty; expected a class name or a number",
                p + ":8: 4 cells; expected 3, one per header column"), message(Csv.of(p, "label")));
    }

    @Test
    void atMostTenProblemsAreShown() throws IOException {
        Path p = file("many.csv", "x,label\n" + "oops,a\n".repeat(12));
        String m = message(Csv.of(p, "label"));
        assertEquals(11, m.split("\n").length);
        assertEquals("(and 2 more problems)", m.split("\n")[10]);
    }

    @Test
    void headerProblems() throws IOException {
        Path p = file("h.csv", "x,y,label\n1,2,a\n");
        assertEquals(p + ":1: no column 'lable' for the label; the header has x, y, label", message(Csv.of(p, "lable")));
        assertEquals(p + ":1: no column 'z' for a feature; the header has x, y, label",
                message(new Csv(p, "label", List.of("x", "z"), null, 0)));
        Path twice = file("t.csv", "x,x,label\n1,2,a\n");
        assertEquals(twice + ":1: column 'x' appears twice in the header; expected distinct column names",
                message(Csv.of(twice, "label")));
        assertEquals("features: found [label], expected input columns only, not the label 'label'",
                assertThrows(IllegalArgumentException.class, () -> new Csv(p, "label", List.of("label"), null, 0))
                        .getMessage());
    }

    @Test
    void aTestFileAndTheHeldOutFraction() throws IOException {
        Path train = file("train.csv", "x,label\n1,a\n2,b\n3,a\n4,b\n5,a\n");
        Path test = file("test.csv", "label,x\nc,9\n");
        Splits s = new Csv(train, "label", null, test, 0.2).load(new Rng(0));
        assertEquals(5, s.train().size());
        assertEquals(List.of("a", "b", "c"), s.test().classes());
        assertArrayEquals(new double[] {9}, s.test().x().data());
        assertArrayEquals(new int[] {2}, s.test().labels());
        Splits held = Csv.of(train, "label").load(new Rng(0));
        assertEquals(4, held.train().size());
        assertEquals(1, held.test().size());
        assertEquals(held, Csv.of(train, "label").load(new Rng(0)));
    }

    @Test
    void missingFileAndEmptyFile() throws IOException {
        Path none = dir.resolve("none.csv");
        assertEquals(none + ": no such file", message(Csv.of(none, "label")));
        Path headerOnly = file("e.csv", "x,label\n");
        assertEquals(headerOnly + ": no data rows after the header; expected one row per sample",
                message(Csv.of(headerOnly, "label")));
    }

    @Test
    void unclosedQuoteAndByteOrderMark() throws IOException {
        Path open = file("open.csv", "x,label\n1,a\n2,\"b\n3,c\n");
        assertEquals(open + ":5: not valid CSV: Missing closing quote for value", message(Csv.of(open, "label")));
        Path bom = file("bom.csv", "\uFEFFx,label\n1,a\n2,b\n");
        assertEquals(2, whole(new Csv(bom, "label", List.of("x"), null, 0)).size());
    }
}
