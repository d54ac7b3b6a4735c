package deepgrid.run.grid.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for some parameters, by name: a number for a numeric parameter, the option's index
 * for a choice. A trial's assignment holds exactly its active parameters (a conditional
 * parameter only when its branch was taken).
 */
public record Assignment(Map<String, Double> values) {
    public static final Assignment EMPTY = new Assignment(Map.of());

    public Assignment {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value for parameter '" + name + "' (it has " + values.keySet() + ")");
        }
        return v;
    }

    /** A copy with {@code name} set to {@code value}. */
    public Assignment with(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Assignment(m);
    }
}
