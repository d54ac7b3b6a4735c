package deepgrid.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean": the allowed names closest to a misspelt one. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * Allowed names that {@code found} is probably a misspelling or a prefix of, best
     * first, at most three: edit distance at most a third of the length (min 2), or
     * sharing the prefix ('xavier' → xavier_normal, xavier_uniform). Case and '-' vs '_'
     * don't count, and a name that differs only in them is the one answer ('Relu' → relu).
     */
    public static List<String> closest(String found, Collection<String> allowed) {
        String f = normal(found);
        int limit = Math.max(2, f.length() / 3);
        List<String> hits = new ArrayList<>();
        for (String a : allowed) {
            String n = normal(a);
            if (n.equals(f)) {
                return List.of(a);
            }
            if (distance(f, n) <= limit || (f.length() >= 3 && (n.startsWith(f) || f.startsWith(n)))) {
                hits.add(a);
            }
        }
        hits.sort(Comparator.comparingInt((String a) -> distance(f, normal(a))).thenComparing(a -> a));
        return hits.subList(0, Math.min(3, hits.size()));
    }

    /** " (did you mean a or b?)", or "" when nothing is close. */
    public static String didYouMean(String found, Collection<String> allowed) {
        List<String> c = closest(found, allowed);
        if (c.isEmpty()) {
            return "";
        }
        String list = c.size() == 1 ? c.get(0)
                : String.join(", ", c.subList(0, c.size() - 1)) + " or " + c.get(c.size() - 1);
        return " (did you mean " + list + "?)";
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
