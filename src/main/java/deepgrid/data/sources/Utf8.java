package deepgrid.data.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where a text file stops being UTF-8, for a message better than the decoder's "Input length = 1". */
final class Utf8 {
    private Utf8() {
    }

    /**
     * "LINE: byte 0xE9 is not valid UTF-8" for the first bad byte of {@code path} (read in
     * chunks, so a large file costs no memory), or a generic text when it cannot be found.
     */
    static String firstError(Path path) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream s = Files.newInputStream(path)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : s.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                in.position(in.position() + Math.max(0, n));
                in.flip();
                CoderResult r;
                do { // decode what was read; an overflow only means: empty the output and go on
                    r = decoder.decode(in, out, end);
                    line += out.flip().chars().filter(c -> c == '\n').count();
                    out.clear();
                } while (r.isOverflow());
                if (r.isError()) {
                    return String.format(Locale.ROOT, "%d: byte 0x%02X is not valid UTF-8 (is the file Latin-1 or"
                            + " Windows-1252?)", line, in.get(in.position()) & 0xFF);
                }
                if (end) {
                    return " not valid UTF-8";
                }
                in.compact();
            }
        } catch (IOException e) {
            return " not valid UTF-8";
        }
    }
}
