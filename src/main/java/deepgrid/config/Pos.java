package deepgrid.config;

/** A place in an experiment file (1-based line and column), or in a command-line argument. */
public record Pos(String file, int line, int col) {
    /** A position for a value that did not come from a file, e.g. "--set optimizer.lr=0.1". */
    public static Pos of(String origin) {
        return new Pos(origin, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + col : file;
    }
}
