package deepgrid.run.grid.search;

import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.TreePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The searched space: its entries (a path of the experiment file and the template written
 * there) and its parameters in a fixed order — entries in file order, a choice before the
 * parameters of its branches. That order is the order of qmc dimensions, of trials.csv
 * columns and of every random draw.
 */
public record Space(List<Entry> entries, List<Param> params) {
    /** One key of {@code search.space}: its path, where the key is written, and its template. */
    public record Entry(String key, TreePath path, Pos pos, Template template) {
    }

    public Space {
        entries = List.copyOf(entries);
        params = List.copyOf(params);
    }

    public Param param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** True when {@code p} exists under {@code a}: unconditional, or its branch was taken. */
    public static boolean isActive(Param p, Assignment a) {
        return !p.isConditional() || a.has(p.parent()) && (int) a.get(p.parent()) == p.branch();
    }

    /**
     * A full assignment: every active parameter, in order, from {@code fixed} where it has a
     * value, else from {@code draw}. Parents come before their branches, so a branch's
     * parameters are drawn only when it is taken.
     */
    public Assignment assign(Assignment fixed, ToDoubleFunction<Param> draw) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Param p : params) {
            if (isActive(p, new Assignment(values))) {
                values.put(p.name(), fixed.has(p.name()) ? fixed.get(p.name()) : draw.applyAsDouble(p));
            }
        }
        return new Assignment(values);
    }

    /** {@code root} with every entry's path set to its template rendered for {@code a}. */
    public Node tree(Node root, Assignment a) {
        Node tree = root;
        for (Entry e : entries) {
            tree = e.path().set(tree, e.template().render(a), e.pos());
        }
        return tree;
    }

    /** Each parameter's value as shown in trials.csv ("" when inactive), in parameter order. */
    public Map<String, String> texts(Assignment a) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : params) {
            out.put(p.name(), a.has(p.name()) ? p.domain().text(a.get(p.name())) : "");
        }
        return out;
    }

    /** The normalised space for space.yaml: entry key → normalised template. */
    public Map<String, Object> normalized() {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.key(), e.template().normalized()));
        return out;
    }

    /** Where parameter {@code name} is written: its range, or for a choice the key of its entry. */
    public Pos positionOf(String name) {
        for (Entry e : entries) {
            Template.Value v = valueOf(e.template(), name);
            if (v != null) {
                return v.pos();
            }
        }
        for (Entry e : entries) {
            if (name.equals(e.key()) || name.startsWith(e.key() + "[")) {
                return e.pos();
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    private static Template.Value valueOf(Template t, String name) {
        if (t instanceof Template.Value v) {
            return v.param().name().equals(name) ? v : null;
        }
        List<Template> children = t instanceof Template.Pick p ? p.options()
                : t instanceof Template.MapOf m ? List.copyOf(m.entries().values())
                : t instanceof Template.ListOf l ? l.items() : List.of();
        for (Template c : children) {
            Template.Value v = valueOf(c, name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The children of option {@code branch} of choice {@code parent}, in order. */
    List<Param> branchParams(String parent, int branch) {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            if (parent.equals(p.parent()) && p.branch() == branch) {
                out.add(p);
            }
        }
        return out;
    }
}
