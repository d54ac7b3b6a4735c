package deepgrid.run.grid.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads fixtures/search.json, written by scripts/make-search-fixtures.py with SciPy and mpmath. */
final class SearchFixture {
    private static JsonNode root;

    private SearchFixture() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = SearchFixture.class.getResourceAsStream("/fixtures/search.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static List<JsonNode> list(String key) {
        List<JsonNode> out = new ArrayList<>();
        root().get(key).forEach(out::add);
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    /** |actual − expected| ≤ rel·|expected|, with a message naming the case. */
    static void assertRel(double expected, double actual, double rel, String what) {
        if (!(Math.abs(actual - expected) <= rel * Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual + " (relative error "
                    + Math.abs(actual - expected) / Math.abs(expected) + ", allowed " + rel + ")");
        }
    }
}
