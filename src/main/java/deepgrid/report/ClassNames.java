package deepgrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A run's class names from its classes.csv (index, name), in index order; none when the file is missing. */
final class ClassNames {
    private ClassNames() {
    }

    static List<String> of(List<Map<String, String>> rows) {
        List<String> names = new ArrayList<>();
        for (Map<String, String> r : rows) {
            double i = RunFiles.number(r, "class");
            if (i == names.size()) {
                names.add(r.getOrDefault("name", ""));
            }
        }
        return names;
    }

    /** The name of class {@code i}, or its index when {@code names} does not have it. */
    static String name(List<String> names, int i) {
        return i >= 0 && i < names.size() ? names.get(i) : Integer.toString(i);
    }
}
