package deepgrid.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import deepgrid.math.FlatMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The reference values computed outside deepgrid (src/test/resources/fixtures/*.json, each
 * written by its script in scripts/): read one, and turn its nested arrays into matrices.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** fixtures/{@code name}, e.g. "losses.json". */
    public static JsonNode read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture fixtures/" + name + " on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of rows, [[1, 2], [3, 4]], as a matrix. */
    public static FlatMatrix matrix(JsonNode rows) {
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            values[i] = new double[rows.get(i).size()];
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = rows.get(i).get(j).doubleValue();
            }
        }
        return FlatMatrix.of(values);
    }
}
