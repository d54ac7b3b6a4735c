package deepgrid.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while binding, so that all of them are reported at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Pos pos, String message) {
        Problem p = new Problem(pos, message);
        if (!list.contains(p)) {
            list.add(p);
        }
    }

    public void addAll(ConfigException e) {
        e.problems().forEach(p -> add(p.pos(), p.message()));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ConfigException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigException(list);
        }
    }
}
