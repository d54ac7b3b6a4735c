package deepgrid.run.grid.search;

/**
 * One searched parameter: its name (the space path, with the branch for a conditional one:
 * {@code optimizer[sgd].lr}), its domain, and the condition under which it exists.
 *
 * @param parent the choice this parameter hangs under, null when it always exists
 * @param branch the option of {@code parent} that must be taken (−1 when unconditional)
 */
public record Param(String name, Domain domain, String parent, int branch) {
    public static Param always(String name, Domain domain) {
        return new Param(name, domain, null, -1);
    }

    public boolean isConditional() {
        return parent != null;
    }
}
