package deepgrid.run.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * runs.csv, the index of a results folder: one row per finished run, a copy of its
 * result.csv row under a shared header. While runs finish it grows by appends — the rows of
 * a whole commit group in one write call, so it never holds half a row — in the order the
 * runs finished; {@link #rewrite} replaces it whole (plan order) at the start and the end
 * of a queue. The run folders are the truth: an index that does not match them exactly
 * (a crash between a run's move into place and its row, a file edited by hand) is rewritten.
 */
final class RunIndex {
    private final Path file;

    RunIndex(Path file) {
        this.file = file;
    }

    /** The header for these grid paths and records: fixed head, grid paths, other columns the records have, fixed tail. */
    static List<String> header(List<String> gridPaths, Collection<RunRecord> records) {
        List<String> head = Columns.runHeader(gridPaths);
        List<String> extra = new ArrayList<>();
        for (RunRecord r : records) {
            r.cells().keySet().stream().filter(k -> !head.contains(k) && !extra.contains(k)).forEach(extra::add);
        }
        List<String> columns = new ArrayList<>(head.subList(0, Columns.RUN_HEAD.size() + gridPaths.size()));
        columns.addAll(extra); // grid columns of runs from an earlier version of the file, and sweep columns
        columns.addAll(Columns.RUN_TAIL);
        return columns;
    }

    /**
     * Appends the records' rows in one write, under the file's own header. False (nothing
     * written) when the file is missing, does not end with a whole line, or lacks a column
     * one of the records fills: the caller rewrites it whole instead.
     */
    boolean append(List<RunRecord> records) throws IOException {
        List<String> header = headerOnDisk();
        if (header == null) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (RunRecord r : records) {
            for (var e : r.cells().entrySet()) {
                if (!e.getValue().isEmpty() && !header.contains(e.getKey())) {
                    return false;
                }
            }
            text.append(Csv.row(header.stream().map(r::cell).toList()));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf); // one call for a few KB: the kernel appends it whole
            }
        }
        return true;
    }

    /** Replaces the file with exactly {@code records}, in that order, under {@code header}. */
    void rewrite(List<String> header, List<RunRecord> records) throws IOException {
        StringBuilder text = new StringBuilder(Csv.row(header));
        for (RunRecord r : records) {
            text.append(Csv.row(header.stream().map(r::cell).toList()));
        }
        AtomicFiles.write(file, text.toString());
    }

    /** True when the file parses strictly with exactly {@code header} and holds exactly the rows of {@code records}, in order. */
    boolean matches(List<String> header, List<RunRecord> records) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !header.equals(headerOnDisk())) {
                return false;
            }
            List<Map<String, String>> rows = Csv.read(file);
            if (rows.size() != records.size()) {
                return false;
            }
            for (int i = 0; i < rows.size(); i++) {
                RunRecord r = records.get(i);
                Map<String, String> row = rows.get(i);
                if (!header.stream().allMatch(c -> Csv.defuse(r.cell(c)).equals(row.get(c)))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: rewrite it
        }
    }

    /** The ids the file lists, in order; empty when it is missing or unreadable. */
    List<String> ids() {
        try {
            return Csv.read(file).stream().map(r -> r.get("run")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The distinct ids of {@code ids} in first-seen order. */
    static List<String> distinct(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(seen::add).toList();
    }

    /** The header line, or null when the file is missing, empty, or its last line is not whole. */
    private List<String> headerOnDisk() throws IOException {
        byte[] head;
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            size = ch.size();
            if (size == 0) {
                return null;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            if (last.get(0) != '\n') {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
            ch.read(buf, 0);
            head = java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            return null;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        return parseHeader(text.substring(0, nl + 1));
    }

    private static List<String> parseHeader(String line) throws IOException {
        return Csv.cells(line);
    }
}
