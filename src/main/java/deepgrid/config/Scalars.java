package deepgrid.config;

import java.util.regex.Pattern;

/**
 * Strict reading of scalar text. YAML 1.1's implicit types are ignored on purpose:
 * {@code NO} is not false, {@code 012} is not octal 10, {@code .nan} is not a learning rate.
 */
final class Scalars {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9].*");

    private Scalars() {
    }

    /** The integer, or null with {@code why} explaining what is wrong. */
    static Long integer(Node.Scalar s, StringBuilder why) {
        String t = s.text();
        if (s.quoted() || !INTEGER.matcher(t).matches()) {
            why.append(!s.quoted() && NUMBER.matcher(t).matches() ? notInteger(t) : "found " + shown(s));
            return null;
        }
        if (LEADING_ZERO.matcher(t).matches()) {
            why.append(leadingZero(t));
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            why.append("found " + t + " (too large)");
            return null;
        }
    }

    /** The finite number, or null with {@code why} explaining what is wrong. */
    static Double number(Node.Scalar s, StringBuilder why) {
        String t = s.text();
        if (s.quoted() || !NUMBER.matcher(t).matches()) {
            why.append("found " + shown(s));
            return null;
        }
        if (LEADING_ZERO.matcher(t).matches()) {
            why.append(leadingZero(t));
            return null;
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            why.append("found " + t + " (out of range)");
            return null;
        }
        return v;
    }

    /** true/false, or null with {@code why}. */
    static Boolean bool(Node.Scalar s, StringBuilder why) {
        switch (s.quoted() ? "" : s.text()) {
            case "true", "True", "TRUE" -> {
                return Boolean.TRUE;
            }
            case "false", "False", "FALSE" -> {
                return Boolean.FALSE;
            }
            default -> {
                String t = s.text().toLowerCase(java.util.Locale.ROOT);
                boolean yaml11 = !s.quoted() && (t.equals("yes") || t.equals("no") || t.equals("on")
                        || t.equals("off") || t.equals("y") || t.equals("n"));
                why.append("found " + shown(s) + (yaml11 ? " (YAML 1.1's yes/no/on/off are not booleans here)" : ""));
                return null;
            }
        }
    }

    /** How a scalar is shown in messages: '.nan', the string '10', null. */
    static String shown(Node.Scalar s) {
        if (s.isNull()) {
            return "nothing (null)";
        }
        return (s.quoted() ? "the string " : "") + "'" + s.text() + "'";
    }

    /** 1.5 is not whole; 1e3 and 3.0 are, but an integer is written 1000 and 3. */
    private static String notInteger(String t) {
        double v = Double.parseDouble(t);
        boolean whole = v == Math.rint(v) && Math.abs(v) < 1e15;
        return "found " + t + (whole ? " (write " + (long) v + ")" : " (not whole)");
    }

    private static String leadingZero(String t) {
        String without = t.replaceFirst("^([-+]?)0+(?=[0-9])", "$1");
        return "found " + t + " (a leading zero: YAML 1.1 reads it as octal; write " + without + ")";
    }
}
