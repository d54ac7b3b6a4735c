package deepgrid.run.grid;

import deepgrid.config.Node;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Whether two values of the file mean the same whatever the key they are bound to:
 * equal texts, or numbers written differently ({@code 0.1}, {@code 0.10}, {@code 1e-1}),
 * and lists and maps made of such values (maps in any key order).
 */
final class SameValue {
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private SameValue() {
    }

    static boolean of(Node a, Node b) {
        if (a instanceof Node.Scalar x && b instanceof Node.Scalar y) {
            return x.isNull() && y.isNull() || x.text().equals(y.text()) || sameNumber(x, y);
        }
        if (a instanceof Node.ListNode x && b instanceof Node.ListNode y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!of(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Node.MapNode x && b instanceof Node.MapNode y) {
            return x.entries().keySet().equals(y.entries().keySet())
                    && x.entries().keySet().stream().allMatch(k -> of(x.get(k), y.get(k)));
        }
        return false;
    }

    private static boolean sameNumber(Node.Scalar x, Node.Scalar y) {
        if (x.quoted() || y.quoted() || !NUMBER.matcher(x.text()).matches() || !NUMBER.matcher(y.text()).matches()) {
            return false;
        }
        try {
            return new BigDecimal(x.text()).compareTo(new BigDecimal(y.text())) == 0;
        } catch (NumberFormatException e) {
            return false; // an exponent beyond BigDecimal's range: the binder refuses it anyway
        }
    }
}
