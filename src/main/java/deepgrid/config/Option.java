package deepgrid.config;

import deepgrid.math.Range;
import java.util.List;

/**
 * One key of the experiment file as the catalogue describes it: its name, what it holds
 * ({@link Value}), its default (written once: the binder, {@code deepgrid datasets}, the README
 * tables and the JSON Schema all read it from here, and it comes from the record's own
 * constant), whether it is needed, and a one-line description.
 *
 * @param key         the YAML key
 * @param value       what the key holds, with its range or names
 * @param dflt        the value when the key is absent (null when it has none)
 * @param need        required, defaulted, or off unless given
 * @param description one line, shown by {@code deepgrid datasets}, the README and editors on hover
 */
public record Option(String key, Value value, Object dflt, Need need, String description) {
    /** Whether a key must be written. */
    public enum Need {
        /** Must be written. */
        REQUIRED,
        /** Absent means {@link Option#dflt()}; written without a value ({@code key: ~}) is an error. */
        DEFAULT,
        /** Absent or {@code ~} means off (clip_grad_norm, early_stopping, a layer's activation). */
        OPTIONAL
    }

    /** What a key holds. */
    public sealed interface Value {
        /** An integer in a range. */
        record Int(Range range) implements Value {
        }

        /** A finite number in a range. */
        record Num(Range range) implements Value {
        }

        /** true or false. */
        record Bool() implements Value {
        }

        /** A string, matching {@code pattern} (a regular expression; null: any). */
        record Text(String pattern) implements Value {
        }

        /** A path to a file or folder; relative paths start at the working directory. */
        record Path() implements Value {
        }

        /** A list of strings (csv's features). */
        record Texts() implements Value {
        }

        /** One of the names of a family (with its options, when the family has any). */
        record Choice(Family<?> family) implements Value {
        }

        /** A map of settings. */
        record Section(List<Option> options) implements Value {
        }

        /** A positive integer, or one word (batch_size: 32 or full). */
        record IntOrWord(Range range, String word) implements Value {
        }

        /** true (the defaults), false (off) or a map of settings (batchnorm). */
        record Switch(List<Option> options) implements Value {
        }

        /** A list whose items are each one entry of a family, named by its key (model.layers). */
        record Items(Family<?> family) implements Value {
        }

        /** A map from grid paths to lists of values (grid). */
        record GridPaths() implements Value {
        }

        /** A list of named partial files (variants). */
        record Variants() implements Value {
        }

        /** A list of at least {@code minItems} values, each an {@code item}. */
        record ListOf(Value item, int minItems) implements Value {
        }

        /** One of these words (sampler: tpe). */
        record Words(List<String> words) implements Value {
        }

        /** A word matching {@code pattern}, which may be written as a plain number (time: 90, memory: 4000). */
        record Token(java.util.regex.Pattern pattern) implements Value {
        }

        /** Any of these forms (objective: val_loss or {metric, goal, epoch}). */
        record AnyOf(List<Value> forms) implements Value {
        }

        /** A map from grid-style paths to {@code value} (search.space, an enqueued trial). */
        record Paths(Value value) implements Value {
        }

        /** Anything: a value the schema leaves to deepgrid validate (a space entry's range or choice). */
        record Free(String what) implements Value {
        }
    }

    public Option {
        if (need == Need.DEFAULT && dflt == null) {
            throw new IllegalArgumentException(key + ": a defaulted option needs its default");
        }
    }

    /** An integer option; {@code dflt} null means required. */
    public static Option integer(String key, Integer dflt, Range range, String description) {
        return of(key, new Value.Int(range), dflt, description);
    }

    /** A number option; {@code dflt} null means required. */
    public static Option number(String key, Double dflt, Range range, String description) {
        return of(key, new Value.Num(range), dflt, description);
    }

    /** A boolean option. */
    public static Option bool(String key, boolean dflt, String description) {
        return of(key, new Value.Bool(), dflt, description);
    }

    /** A string option; {@code dflt} null means required. */
    public static Option text(String key, String dflt, String description) {
        return of(key, new Value.Text(null), dflt, description);
    }

    /** A required path. */
    public static Option path(String key, String description) {
        return of(key, new Value.Path(), null, description);
    }

    /** One of the names of {@code family}; {@code dflt} null means required. */
    public static Option choice(String key, Family<?> family, String dflt, String description) {
        return of(key, new Value.Choice(family), dflt, description);
    }

    /** A map of settings, each with its own default. */
    public static Option section(String key, List<Option> options, String description) {
        return new Option(key, new Value.Section(List.copyOf(options)), java.util.Map.of(), Need.DEFAULT, description);
    }

    /** Any other kind of value, with its default (null: required). */
    public static Option of(String key, Value value, Object dflt, String description) {
        return new Option(key, value, dflt, dflt == null ? Need.REQUIRED : Need.DEFAULT, description);
    }

    /** The same option, off unless given (absent or ~ is off; no default). */
    public Option offUnlessGiven() {
        return new Option(key, value, null, Need.OPTIONAL, description);
    }

    /** The same option with another pattern its text must match. */
    public Option matching(String pattern) {
        return new Option(key, new Value.Text(pattern), dflt, need, description);
    }

    /** The range of an Int, Num or IntOrWord option; {@link Range#ANY} for others. */
    public Range range() {
        if (value instanceof Value.Int i) {
            return i.range();
        }
        if (value instanceof Value.Num n) {
            return n.range();
        }
        return value instanceof Value.IntOrWord w ? w.range() : Range.ANY;
    }

    /** The default as text for tables: "required", "none" (off unless given), or the value as a file would hold it. */
    public String shownDefault() {
        return switch (need) {
            case REQUIRED -> "required";
            case OPTIONAL -> "none";
            case DEFAULT -> dflt instanceof Double d ? Range.fmt(d) : dflt instanceof java.util.Map ? "its keys' defaults"
                    : "".equals(dflt) ? "\"\"" : String.valueOf(dflt);
        };
    }
}
