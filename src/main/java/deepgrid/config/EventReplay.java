package deepgrid.config;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * The parser events of a text, replayed to place the failures that snakeyaml reports
 * without a place: its alias and nesting limits, and the odd bare exception. Parsing
 * (unlike composing) neither expands aliases nor recurses, so the replay is cheap and
 * safe on the same hostile input; it stops quietly where the parse fails.
 */
final class EventReplay {
    /** One node event: where it starts, how deep it is, and whether it is a map key. */
    private record NodeAt(Mark start, int depth, boolean key, boolean collectionAlias) {
    }

    private final List<NodeAt> nodes = new ArrayList<>();
    private Mark last;

    private EventReplay() {
    }

    static EventReplay of(String text) {
        EventReplay r = new EventReplay();
        try {
            r.read(new Yaml(new LoaderOptions()).parse(new StringReader(text)));
        } catch (RuntimeException ignored) {
            // the parse fails where the compose failed: what was read so far is what counts
        }
        return r;
    }

    private void read(Iterable<Event> events) {
        Deque<int[]> open = new ArrayDeque<>(); // per open collection: {is a map (1/0), children so far}
        Map<String, Boolean> anchorIsCollection = new HashMap<>();
        for (Event e : events) {
            last = e.getEndMark();
            if (e instanceof CollectionEndEvent) {
                open.pop();
                continue;
            }
            if (!(e instanceof NodeEvent n)) {
                continue;
            }
            int[] parent = open.peek();
            boolean key = parent != null && parent[0] == 1 && parent[1] % 2 == 0;
            if (parent != null) {
                parent[1]++;
            }
            boolean collectionAlias = n instanceof AliasEvent a && anchorIsCollection.getOrDefault(a.getAnchor(), false);
            nodes.add(new NodeAt(e.getStartMark(), open.size(), key, collectionAlias));
            if (!(n instanceof AliasEvent) && n.getAnchor() != null) {
                anchorIsCollection.put(n.getAnchor(), n instanceof CollectionStartEvent);
            }
            if (e instanceof CollectionStartEvent) {
                open.push(new int[] {e instanceof MappingStartEvent ? 1 : 0, 0});
            }
        }
    }

    /** The end of the last event that parsed (null if none did). */
    Mark last() {
        return last;
    }

    /** Where the n-th alias of a list or map is (counted as snakeyaml counts them), else the last event. */
    Mark collectionAlias(int n) {
        int seen = 0;
        for (NodeAt at : nodes) {
            if (at.collectionAlias() && ++seen == n) {
                return at.start();
            }
        }
        return last;
    }

    /** Where the first value (not key) deeper than {@code depth} starts, else the last event. */
    Mark deeperThan(int depth) {
        return nodes.stream().filter(at -> !at.key() && at.depth() > depth).map(NodeAt::start).findFirst()
                .orElse(last);
    }
}
