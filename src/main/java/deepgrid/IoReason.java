package deepgrid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Map;

/**
 * What an I/O failure was, in words a user can act on. The JDK's messages often hold only
 * a path (an AccessDeniedException says "/data/x.csv", not that permission was denied) or
 * only a decoder's state ("Input length = 1"); these say the file and the reason.
 */
public final class IoReason {
    /** The exceptions whose message is a path alone (or a decoder's state), and what they mean. */
    private static final List<Map.Entry<Class<? extends IOException>, String>> REASONS = List.of(
            Map.entry(AccessDeniedException.class, "permission denied"),
            Map.entry(NoSuchFileException.class, "no such file or folder"),
            Map.entry(NotDirectoryException.class, "not a folder"),
            Map.entry(FileAlreadyExistsException.class, "already exists"),
            Map.entry(DirectoryNotEmptyException.class, "the folder is not empty"),
            Map.entry(FileSystemLoopException.class, "a loop of symbolic links"),
            Map.entry(CharacterCodingException.class, "not valid UTF-8 text; save the file as UTF-8"));

    private IoReason() {
    }

    /** "FILE: reason" when the exception names its file, else the reason alone. */
    public static String of(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile()) + ": " + reason(e);
        }
        return reason(e);
    }

    /** As {@link #of(IOException)}, for an UncheckedIOException: its own message, then its cause's reason. */
    public static String of(UncheckedIOException e) {
        String own = e.getMessage();
        String cause = of(e.getCause());
        return own == null || own.equals(e.getCause().toString()) ? cause : own + ": " + cause;
    }

    /** What a path that exists but is neither a regular file nor a folder is; reading one blocks or never ends. */
    public static final String NOT_A_FILE = "not a regular file (a FIFO, a device or a socket)";

    /** "no such file or folder", with the likely reason when the name shows an undecodable byte (�). */
    public static String noSuchFile(java.nio.file.Path path) {
        return "no such file or folder" + (path.toString().indexOf('\uFFFD') >= 0
                ? " (its name holds a byte that is not valid in this system's character set, shown as \uFFFD;"
                        + " rename the file with UTF-8 characters)" : "");
    }

    /** The reason alone, without the file. */
    public static String reason(IOException e) {
        for (Map.Entry<Class<? extends IOException>, String> r : REASONS) {
            if (r.getKey().isInstance(e)) {
                return r.getValue();
            }
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // "No space left on device", "Read-only file system", ...
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
