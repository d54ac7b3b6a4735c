package deepgrid;

/**
 * Text that came from a user (a name, a value, a file name, a CSV cell) made safe to
 * print on a terminal: every character that is not printable — control characters such as
 * ESC, which can set a terminal's title or clear its screen, format characters such as
 * the bidirectional overrides, line and paragraph separators, lone surrogates — is written
 * as the escape YAML's double-quoted strings use ({@code \e}, {@code \a}, {@code \x85},
 * {@code \u202E}), so a message shows what is in the file and the user can write it back.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with every non-printable character escaped, line breaks included (one message, one line). */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** As {@link #escape}, but '\n' stays a line break: for a message made of several lines. */
    public static String escapeLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            boolean plain = isPrintable(c) || keepLines && c == '\n';
            if (!plain && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.appendCodePoint(c);
                } else {
                    out.append(escapeOf(c));
                }
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** False for control, format, line and paragraph separator characters and lone surrogates. */
    public static boolean isPrintable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static String escapeOf(int c) {
        return switch (c) {
            case 0 -> "\\0";
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case 11 -> "\\v";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case 27 -> "\\e";
            default -> c <= 0xFF ? String.format("\\x%02X", c)
                    : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
        };
    }
}
