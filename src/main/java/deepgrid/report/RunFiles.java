package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-epoch files of a run folder (metrics.csv, layers.csv), read for the page. The
 * page is a view, so it is lenient where summary.csv is strict: a missing file (a run that
 * failed before its first epoch, or an older results folder) gives no rows, and a damaged
 * one gives no rows plus a note naming it, shown at the end of the page.
 */
final class RunFiles {
    private final List<String> notes = new ArrayList<>();

    /** The rows of {@code name} in {@code run}'s folder; none when it is missing or damaged. */
    List<Map<String, String>> read(RunRow run, String name) {
        Path file = folder(run).resolve(name);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Csv.read(file);
        } catch (IOException | DeepgridException e) {
            note(file + " could not be read (" + firstLine(e) + "); left out of this page");
            return List.of();
        }
    }

    /** The text of {@code name} in {@code run}'s folder; empty when it is missing or unreadable (noted). */
    Optional<String> text(RunRow run, String name) {
        Path file = folder(run).resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            note(file + " could not be read (" + e.getMessage() + "); left out of this page");
            return Optional.empty();
        }
    }

    void note(String note) {
        notes.add(note);
    }

    /** What could not be read, in the order it was met. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return m.lines().findFirst().orElse(m);
    }

    static Path folder(RunRow run) {
        return run.file().getParent();
    }

    /** A cell as a number: NaN when empty (no value) or not a number. */
    static double number(Map<String, String> row, String column) {
        String text = row.getOrDefault(column, "");
        try {
            return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
