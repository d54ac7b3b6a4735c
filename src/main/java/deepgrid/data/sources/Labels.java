package deepgrid.data.sources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How a column of label texts becomes targets. The rule, in order:
 * <ol>
 * <li>every label an integer ("3", "-1", "007") → classes, sorted numerically, named
 *     by the integer ("7");</li>
 * <li>every label a finite number and some not an integer ("0.5", "2") → regression,
 *     y is the number;</li>
 * <li>otherwise → classes named by the text, sorted lexicographically (String order).</li>
 * </ol>
 * So integer-valued regression targets are read as classes; write them as "3.0" to
 * make a column numeric.
 */
final class Labels {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final List<String> classes;
    private final Map<String, Integer> index;
    // maps a label text to its class name: "007" → "7" for integer classes, identity for text classes
    private final UnaryOperator<String> name;

    private Labels(List<String> classes, UnaryOperator<String> name) {
        this.classes = List.copyOf(classes);
        this.name = name;
        this.index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
    }

    /** The encoding of {@code labels} (stripped, non-empty texts) by the rule above. */
    static Labels of(List<String> labels) {
        if (labels.stream().allMatch(Labels::isInteger)) {
            TreeSet<Long> values = new TreeSet<>();
            labels.forEach(label -> values.add(Long.parseLong(label)));
            List<String> names = values.stream().map(String::valueOf).toList();
            return new Labels(names, text -> String.valueOf(Long.parseLong(text)));
        }
        if (labels.stream().allMatch(Labels::isNumber)) {
            return new Labels(List.of(), UnaryOperator.identity());
        }
        return new Labels(List.copyOf(new TreeSet<>(labels)), UnaryOperator.identity());
    }

    /** Class names in index order; empty for regression. */
    List<String> classes() {
        return classes;
    }

    /** The target value of one label: its class index, or the number itself for regression. */
    double encode(String label) {
        if (classes.isEmpty()) {
            return Double.parseDouble(label);
        }
        return index.get(name.apply(label));
    }

    private static boolean isInteger(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A finite decimal number; Java also parses "NaN", "Infinity" and "1f", which a CSV number never is. */
    static boolean isNumber(String text) {
        return DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
    }
}
