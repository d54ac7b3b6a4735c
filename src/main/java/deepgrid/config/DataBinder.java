package deepgrid.config;

import deepgrid.IoReason;
import deepgrid.data.DataSource;
import deepgrid.data.DataSpec;
import deepgrid.data.Normalize;
import deepgrid.data.sources.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code data:} (SPEC §1.1): the source ({@link Catalog#SOURCES}) and its options side by
 * side with validation, normalize, limit and seed ({@link Sections#DATA}). Relative paths are
 * resolved against the working directory and recorded absolute in the resolved config.
 */
final class DataBinder {
    private DataBinder() {
    }

    static DataSpec bind(MapReader d, long seed) {
        d.declare(Sections.DATA);
        d.allow(Sections.LIMIT.key());
        Node sourceNode = d.take(Sections.SOURCE.key());
        DataSource source = null;
        if (sourceNode instanceof Node.Scalar s && !s.isNull()) {
            d.put("source", s.text());
            source = Catalog.SOURCES.bindNamed(s, d, d.problems());
        } else if (sourceNode == null) {
            d.problems().add(d.pos(), "missing 'data.source' (one of " + Catalog.SOURCES.names() + ")" + d.doubledHint());
        } else {
            d.problems().add(sourceNode.pos(), "data.source: found " + sourceNode.describe() + ", expected one of "
                    + Catalog.SOURCES.names());
        }
        if (source == null) {
            d.allowAll(); // without a source its options can't be judged: don't report them as unknown
        }
        double validation = d.number(Sections.VALIDATION);
        Normalize normalize = d.name(Sections.NORMALIZE);
        int limit = d.hasValue(Sections.LIMIT) ? d.integer(Sections.LIMIT.key(), null, Sections.LIMIT.range()) : 0;
        long dataSeed = d.integer(Sections.DATA_SEED.key(), (int) seed, Sections.DATA_SEED.range());
        d.finish();
        return source == null ? null : new DataSpec(source, validation, normalize, limit, dataSeed);
    }

    /** csv's {@code features}: a non-empty list of column names, or null for every column but the label. */
    static List<String> columns(MapReader o, Option option) {
        Node f = o.take(option.key());
        String at = o.path(option.key());
        if (f instanceof Node.ListNode list && list.items().isEmpty()) {
            o.problems().add(f.pos(), at + ": found an empty list, expected column names"
                    + " (or no features key for every column but the label)");
        } else if (f instanceof Node.ListNode list) {
            List<String> features = new ArrayList<>();
            for (Node item : list.items()) {
                if (item instanceof Node.Scalar s && !s.isNull()) {
                    features.add(s.text());
                } else {
                    o.problems().add(item.pos(), at + ": found " + item.describe() + ", expected a column name");
                }
            }
            o.put(option.key(), features);
            return features;
        } else if (f != null && !(f instanceof Node.Scalar s && s.isNull())) {
            o.problems().add(f.pos(), at + ": found " + f.describe() + ", expected a list of column names");
        }
        return null;
    }

    /** What a path option must name: a data file, or (mnist's path) a folder of them. */
    enum Kind { FILE, FOLDER }

    /** The path of an option that is off unless given: null when absent or ~. */
    static Path optionalPath(MapReader o, Option option, Kind kind) {
        o.allow(option.key());
        return o.hasValue(option) ? path(o, option.key(), kind) : null;
    }

    /** A required file path. */
    static Path path(MapReader o, Option option) {
        return path(o, option.key(), Kind.FILE);
    }

    /**
     * The absolute path of option {@code key}, checked to exist and to be what the source reads
     * (a FIFO or a device would block reading or never end; a folder is not a CSV file).
     */
    private static Path path(MapReader o, String key, Kind kind) {
        String text = o.string(key, null);
        if (text.isEmpty()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(text).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            o.problems().add(o.posOf(key), o.path(key) + ": '" + text + "' is not a valid path (" + e.getReason() + ")");
            return null;
        }
        o.put(key, p.toString());
        String problem = !Files.exists(p) ? "found no file or folder at " + p
                + (Path.of(text).isAbsolute() ? "" : " (relative paths start at the working directory)")
                : kind == Kind.FOLDER && !Files.isDirectory(p) ? p + " is " + (Files.isRegularFile(p) ? "a file" : IoReason.NOT_A_FILE)
                        + ", expected the folder that holds " + String.join(", ", Mnist.IDX_FILES) + " (each .gz or not)"
                : kind == Kind.FILE && Files.isDirectory(p) ? p + " is a folder, expected a file"
                : kind == Kind.FILE && !Files.isRegularFile(p) ? p + " is " + IoReason.NOT_A_FILE + ", expected a file"
                : null;
        if (problem != null) {
            o.problems().add(o.posOf(key), o.path(key) + ": " + problem);
        }
        return p;
    }
}
