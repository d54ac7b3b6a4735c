package deepgrid.report.html;

/**
 * Builds HTML (and inline SVG, which is XML) as text. Every piece of text and every
 * attribute value goes through {@link #escape}, so names and values from a user's files
 * can never become markup; {@link #raw} is only for markup built by another builder.
 * Attributes are given as name, value pairs. The output is also well-formed XML.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder();

    /** {@code text} with &amp;, &lt;, &gt;, quotes and control characters made safe for text and attributes. */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c); // XML forbids other controls
            }
        }
        return s.toString();
    }

    /** {@code <tag name="value" ...>}. */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** {@code </tag>}. */
    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag ...>text</tag>} with the text escaped. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /**
     * {@code <tag .../>}: an element without content, for SVG elements and HTML's void
     * elements (meta, br) only: an HTML parser reads {@code <span/>} as an opening tag.
     */
    public Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** Escaped text. */
    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup that is already safe: the output of another {@code Html}. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A line break in the source, to keep the page readable as text and diffs small. */
    public Html newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs; got " + pairs.length + " strings");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(' ').append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
    }
}
