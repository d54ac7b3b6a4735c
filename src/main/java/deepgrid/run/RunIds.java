package deepgrid.run;

import deepgrid.config.ConfigText;
import deepgrid.config.ExperimentSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Run folder names: readable (variant, grid values, seed) and stable (a hash of the
 * resolved configuration, so a changed config is a new run), made only of
 * [A-Za-z0-9._-], at most 100 characters, never a Windows device name, never "." or "..".
 */
public final class RunIds {
    private static final int MAX_READABLE = 80;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private RunIds() {
    }

    /** The folder name of a run whose data is generated (no files to fingerprint). */
    public static String of(String variant, Map<String, String> coordinates, long seed, Map<String, Object> resolved) {
        return of(variant, coordinates, seed, resolved, "");
    }

    /** The folder name of a run; {@code data} is its {@link DataFingerprint} ("" for generated data). */
    public static String of(String variant, Map<String, String> coordinates, long seed, Map<String, Object> resolved,
            String data) {
        return of(variant, coordinates, seed, identity(resolved, data));
    }

    /** The folder name of a run of this identity. */
    public static String of(String variant, Map<String, String> coordinates, long seed, Identity identity) {
        List<String> parts = new ArrayList<>();
        if (!variant.isEmpty()) {
            parts.add(variant);
        }
        coordinates.values().forEach(v -> parts.add(safe(v)));
        parts.add("s" + seed);
        String readable = safe(String.join("_", parts));
        if (readable.length() > MAX_READABLE) {
            readable = readable.substring(0, MAX_READABLE);
        }
        return readable + "-" + identity.hash();
    }

    /** {@code text} with every run of unsafe characters replaced by '-', starting with a letter or digit. */
    public static String safe(String text) {
        String s = UNSAFE.matcher(text).replaceAll("-");
        s = s.replaceAll("\\.{2,}", ".");
        s = s.replaceAll("^[-.]+|[-.]+$", ""); // "{type: adam}" reads "type-adam", not "-type-adam-"
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            s = "r" + s;
        }
        if (isReserved(s)) {
            s = "r-" + s; // CON, NUL.txt, ... are device names on Windows
        }
        return s;
    }

    /** True for experiment names that Windows cannot use as a folder. */
    public static boolean isReserved(String name) {
        return ExperimentSpec.WINDOWS_DEVICE.matcher(name).matches();
    }

    /**
     * What makes two runs the same: the resolved config without name, description and
     * diagnostics (what a run records about itself changes no number it learns).
     */
    public static Map<String, Object> identity(Map<String, Object> resolved) {
        Map<String, Object> identity = new LinkedHashMap<>(resolved);
        identity.remove("name");
        identity.remove("description");
        identity.remove("diagnostics");
        return identity;
    }

    /** 8 hex digits of SHA-256 over the canonical resolved config (name and description excluded). */
    public static String hash(Map<String, Object> resolved) {
        return hash(resolved, "");
    }

    /**
     * 8 hex digits of SHA-256 over the canonical resolved config (name and description excluded)
     * and the data's fingerprint, if any (without one, the hash is what it was before fingerprints).
     */
    public static String hash(Map<String, Object> resolved, String data) {
        return identity(resolved, data).hash();
    }

    /** What makes a run itself: the SHA-256 of its resolved config (name and description excluded) and data fingerprint. */
    public record Identity(String digest) {
        /** The 8 hex digits that end a run id. */
        public String hash() {
            return digest.substring(0, 8);
        }
    }

    /** The identity of a run of {@code resolved} on data of fingerprint {@code data} ("" for generated data). */
    public static Identity identity(Map<String, Object> resolved, String data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((ConfigText.toYaml(identity(resolved))
                    + (data.isEmpty() ? "" : "# data\n" + data)).getBytes(StandardCharsets.UTF_8));
            return new Identity(HexFormat.of().formatHex(d).toLowerCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
