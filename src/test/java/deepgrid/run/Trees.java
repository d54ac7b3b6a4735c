package deepgrid.run;

import deepgrid.config.ConfigText;
import deepgrid.config.Node;
import deepgrid.config.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers: parse a YAML string, and read a value back out of a tree by a simple path. */
public final class Trees {
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)?(?:\\[([0-9]+)])?");

    private Trees() {
    }

    /** The tree of {@code yaml}, as if read from a file called t.yaml. */
    public static Node parse(String yaml) {
        return YamlReader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The node at a path of keys and numeric indexes ("model.layers[0].activation"), or null if absent. */
    public static Node at(Node root, String path) {
        Node n = root;
        for (String part : path.split("\\.")) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("test path step '" + part + "'");
            }
            if (m.group(1) != null) {
                n = n instanceof Node.MapNode map ? map.get(m.group(1)) : null;
            }
            if (m.group(2) != null) {
                int i = Integer.parseInt(m.group(2));
                n = n instanceof Node.ListNode list && i < list.items().size() ? list.items().get(i) : null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** The value at {@code path} on one line as a user would write it ("0.1", "{type: adam, lr: 0.001}"); null if absent. */
    public static String text(Node root, String path) {
        Node n = at(root, path);
        return n == null ? null : ConfigText.flow(n);
    }
}
