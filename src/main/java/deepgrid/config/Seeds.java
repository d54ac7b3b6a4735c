package deepgrid.config;

import deepgrid.math.Range;

/**
 * {@code seed} and {@code repeats} of an experiment tree, read by one rule wherever they
 * were written (the file, {@code --set}, a variant): the seed an integer from 0 to
 * 2147483647, repeats an integer ≥ 1, and the last repeat's seed (seed + repeats − 1)
 * still a seed. The grid expander reads them before it gives each repeat its own seed;
 * the binder reads them again with the same ranges.
 */
public record Seeds(int seed, int repeats) {
    /** Allowed seeds. */
    public static final Range SEED = Range.atLeast(0);
    /** Allowed repeats. */
    public static final Range REPEATS = Range.atLeast(1);

    /** The seeds of {@code tree} (a map); null, with every problem added to {@code problems}, when one is wrong. */
    public static Seeds read(Node.MapNode tree, Problems problems) {
        Problems mine = new Problems();
        MapReader top = MapReader.of(tree, tree.pos(), "", mine);
        int seed = top.integer("seed", 0, SEED);
        int repeats = top.integer("repeats", 1, REPEATS);
        long last = (long) seed + repeats - 1;
        if (mine.isEmpty() && last > Integer.MAX_VALUE) {
            mine.add(top.posOf("repeats"), "repeats: " + repeats + " repeats from seed " + seed + " need seeds up to "
                    + last + ", past the largest seed " + Integer.MAX_VALUE + "; lower seed or repeats");
        }
        mine.list().forEach(p -> problems.add(p.pos(), p.message()));
        return mine.isEmpty() ? new Seeds(seed, repeats) : null;
    }
}
