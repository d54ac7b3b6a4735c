package deepgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 14 item 16: an I/O failure says its reason, not only a path or "Input length = 1". */
class IoReasonTest {
    @Test
    void theReasonIsSaidInWords() {
        assertEquals("/d/x.csv: permission denied", IoReason.of(new AccessDeniedException("/d/x.csv")));
        assertEquals("/d/x.csv: no such file or folder", IoReason.of(new NoSuchFileException("/d/x.csv")));
        assertEquals("r/runs.csv: No space left on device",
                IoReason.of(new FileSystemException("r/runs.csv", null, "No space left on device")));
        assertEquals("not valid UTF-8 text; save the file as UTF-8", IoReason.of(new MalformedInputException(1)));
        assertEquals("cannot write r/x: permission denied",
                IoReason.of(new UncheckedIOException("cannot write r/x", new AccessDeniedException("r/x"))).replace(": r/x", ""));
        assertEquals("disk on fire", IoReason.of(new IOException("disk on fire")));
    }

    @Test
    void aNameWithAnUndecodableByteIsSaidToBeTheLikelyCause() {
        assertEquals("no such file or folder", IoReason.noSuchFile(Path.of("x.yaml")));
        assertEquals("no such file or folder (its name holds a byte that is not valid in this system's character set,"
                + " shown as \uFFFD; rename the file with UTF-8 characters)", IoReason.noSuchFile(Path.of("caf\uFFFD.yaml")));
    }
}
