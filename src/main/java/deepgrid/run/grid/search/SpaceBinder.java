package deepgrid.run.grid.search;

import deepgrid.config.ConfigException;
import deepgrid.config.ConfigText;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.config.TreePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code search.space}: each key a grid-style path, each value a range
 * ({@code {float: [lo, hi], log: true}}, {@code {int: [lo, hi], step: 32}}), a
 * {@code {choice: [...]}} or a plain list (a choice, as in {@code grid:}). A choice of maps
 * may hold ranges and choices in its leaves: a conditional space, whose parameters are named
 * after the branch ({@code optimizer[sgd].lr}; the label is the branch's {@code type}, else
 * its index). Problems are collected, never thrown.
 */
final class SpaceBinder {
    static final Set<String> KINDS = Set.of("float", "int", "choice");

    /**
     * Where a value sits: the parameter name it would get, its path in messages
     * ("search.space.optimizer.choice[0].lr"), and the branch it hangs under (null, −1: none).
     */
    private record At(String name, String where, String parent, int branch) {
        At child(String suffix) {
            return new At(name + suffix, where + suffix, parent, branch);
        }
    }

    private final Problems problems;
    private final List<Param> params = new ArrayList<>();

    private SpaceBinder(Problems problems) {
        this.problems = problems;
    }

    /** The space of {@code node} (the value of search.space); empty, with a problem, when unusable. */
    static Space read(Node node, Pos fallback, Problems problems) {
        SpaceBinder b = new SpaceBinder(problems);
        List<Space.Entry> entries = new ArrayList<>();
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            problems.add(node == null ? fallback : node.pos(), "search: missing 'space' (the parameters to search,"
                    + " e.g. space: {optimizer.lr: {float: [1.0e-4, 0.1], log: true}})");
        } else if (!(node instanceof Node.MapNode map) || map.entries().isEmpty()) {
            problems.add(node.pos(), "search.space: found " + node.describe()
                    + ", expected a map of path: range, e.g. optimizer.lr: {float: [1.0e-4, 0.1], log: true}");
        } else {
            map.entries().forEach((key, value) -> b.entry(key, map.keyPos().get(key), value, entries));
        }
        return new Space(entries, b.params);
    }

    private void entry(String key, Pos keyPos, Node value, List<Space.Entry> entries) {
        TreePath path;
        try {
            path = TreePath.parse(key, keyPos);
        } catch (ConfigException e) {
            problems.addAll(e);
            return;
        }
        String where = "search.space." + key;
        Template t;
        At at = new At(key, where, null, -1);
        if (value instanceof Node.ListNode list) {
            t = choice(at, list);
        } else if (value instanceof Node.MapNode m && isDistribution(m)) {
            t = distribution(at, m);
        } else {
            problems.add(value.pos(), where + ": found " + value.describe() + ", expected a range {float: [low, high]}"
                    + " or {int: [low, high]}, a {choice: [...]}, or a list of values");
            return;
        }
        entries.add(new Space.Entry(key, path, keyPos, t));
    }

    static boolean isDistribution(Node.MapNode m) {
        return m.entries().keySet().stream().anyMatch(KINDS::contains);
    }

    private Template distribution(At at, Node.MapNode m) {
        String where = at.where();
        List<String> kinds = m.entries().keySet().stream().filter(KINDS::contains).toList();
        if (kinds.size() > 1) {
            problems.add(m.pos(), where + ": found both " + kinds.get(0) + " and " + kinds.get(1)
                    + "; a parameter is one of float, int or choice");
            return new Template.Fixed(m);
        }
        if (kinds.get(0).equals("choice")) {
            for (String k : m.entries().keySet()) {
                if (!k.equals("choice")) {
                    problems.add(m.keyPos().get(k), where + ": unknown key '" + k + "' beside choice; a choice has no options");
                }
            }
            Node options = m.get("choice");
            if (!(options instanceof Node.ListNode list)) {
                problems.add(options.pos(), where + ".choice: found " + options.describe()
                        + ", expected a non-empty list of options");
                return new Template.Fixed(m);
            }
            return choice(new At(at.name(), where + ".choice", at.parent(), at.branch()), list);
        }
        Param p = RangeReader.read(at.name(), m, where, problems);
        if (p == null) {
            return new Template.Fixed(m);
        }
        Param placed = new Param(at.name(), p.domain(), at.parent(), at.branch());
        params.add(placed);
        return new Template.Value(placed, m.pos());
    }

    private Template choice(At at, Node.ListNode list) {
        String where = at.where();
        if (list.items().isEmpty()) {
            problems.add(list.pos(), where + ": found an empty list, expected at least one option");
            return new Template.Fixed(list);
        }
        Set<String> seen = new HashSet<>();
        for (Node item : list.items()) {
            if (!seen.add(ConfigText.flow(item))) {
                problems.add(item.pos(), where + ": " + ConfigText.flow(item) + " is listed twice");
            }
        }
        List<String> labels = labels(list.items());
        Param p = new Param(at.name(), new Categorical(labels), at.parent(), at.branch());
        params.add(p);
        List<Template> options = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            At option = new At(at.name() + "[" + labels.get(j) + "]", where + "[" + j + "]", at.name(), j);
            options.add(inner(option, list.items().get(j)));
        }
        return new Template.Pick(p, options);
    }

    /** Inside a choice's option: ranges and choices anywhere in its maps and lists become parameters. */
    private Template inner(At at, Node node) {
        if (node instanceof Node.MapNode m && isDistribution(m)) {
            return distribution(at, m);
        }
        if (node instanceof Node.MapNode m) {
            Map<String, Template> entries = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> entries.put(k, inner(at.child("." + k), v)));
            return entries.values().stream().allMatch(t -> t instanceof Template.Fixed) ? new Template.Fixed(m)
                    : new Template.MapOf(m, entries);
        }
        if (node instanceof Node.ListNode l) {
            List<Template> items = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                items.add(inner(at.child("[" + i + "]"), l.items().get(i)));
            }
            return items.stream().allMatch(t -> t instanceof Template.Fixed) ? new Template.Fixed(l)
                    : new Template.ListOf(l, items);
        }
        return new Template.Fixed(node);
    }

    /**
     * Option labels: a scalar's text; a map's {@code type}; otherwise (or when two maps share a
     * type) the option's index. Labels are unique, or all indexes.
     */
    static List<String> labels(List<Node> options) {
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < options.size(); j++) {
            Node o = options.get(j);
            if (o instanceof Node.Scalar s) {
                labels.add(s.isNull() ? "null" : s.text());
            } else if (o instanceof Node.MapNode m && m.get("type") instanceof Node.Scalar t && !t.isNull()) {
                labels.add(t.text());
            } else {
                labels.add(Integer.toString(j));
            }
        }
        if (new HashSet<>(labels).size() < labels.size()) {
            List<String> byIndex = new ArrayList<>();
            for (int j = 0; j < labels.size(); j++) {
                byIndex.add(options.get(j) instanceof Node.Scalar ? labels.get(j) : Integer.toString(j));
            }
            return new HashSet<>(byIndex).size() == byIndex.size() ? byIndex
                    : java.util.stream.IntStream.range(0, labels.size()).mapToObj(Integer::toString).toList();
        }
        return labels;
    }
}
