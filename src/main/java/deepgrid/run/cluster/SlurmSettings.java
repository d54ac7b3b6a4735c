package deepgrid.run.cluster;

import deepgrid.config.MapReader;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.math.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of {@code --launcher slurm}: the {@code launcher:} block of an experiment file,
 * overridden by the command line. Empty strings mean "the cluster's default" (the option is
 * not passed to sbatch). None of them changes a run's identity: the block is taken out of the
 * file before its runs are bound and hashed.
 *
 * @param partition    {@code --partition}
 * @param time         {@code --time}, a Slurm time limit per array task
 * @param memory       {@code --mem}, memory per array task ("4G", "4000" = MB)
 * @param cpusPerTask  {@code --cpus-per-task}; a task trains that many of its runs at once
 * @param parallel     at most this many array tasks run at once (the {@code %K} of {@code --array})
 * @param runsPerTask  runs trained by one array task, one after another (a chunk)
 * @param sbatch       extra sbatch options, each one argument ("--account=proj", "--qos=low")
 */
public record SlurmSettings(String partition, String time, String memory, int cpusPerTask, int parallel,
        int runsPerTask, List<String> sbatch) {
    /** The key of the block in an experiment file. */
    public static final String KEY = "launcher";
    /** Like submitit's (and Hydra's submitit launcher's) default array parallelism. */
    public static final int DEFAULT_PARALLEL = 256;
    /** Slurm's default MaxArraySize is 1001 (indexes 0..1000): an array has at most this many tasks. */
    public static final int MAX_ARRAY = 1000;
    public static final SlurmSettings DEFAULTS = new SlurmSettings("", "", "", 1, DEFAULT_PARALLEL, 1, List.of());

    /** Options deepgrid sets itself: an extra option may not change them. */
    private static final List<String> OWN = List.of("--array", "-a", "--output", "-o", "--error", "-e", "--chdir", "-D",
            "--parsable", "--wrap", "--ntasks", "-n", "--cpus-per-task", "-c", "--partition", "-p", "--time", "-t", "--mem");
    /** minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes, days-hours:minutes:seconds. */
    private static final Pattern TIME = Pattern.compile(
            "\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}|(?i:unlimited|infinite)");
    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");

    public SlurmSettings {
        sbatch = List.copyOf(sbatch);
    }

    /** The block under {@code launcher:} of {@code root} (absent: the defaults); problems are added, positioned. */
    public static SlurmSettings read(Node root, Problems problems) {
        Node block = root instanceof Node.MapNode m ? m.get(KEY) : null;
        MapReader r = MapReader.of(block, root.pos(), KEY, problems);
        String partition = checked(r, "partition", PARTITION, "a partition name (letters, digits, _ . , -)", problems);
        String time = checked(r, "time", TIME, "a Slurm time limit such as 90 (minutes), 1:30:00 or 2-00:00:00", problems);
        String memory = checked(r, "memory", MEMORY, "a Slurm memory size such as 4000 (MB), 4G or 512M", problems);
        int cpus = r.integer("cpus_per_task", 1, Range.atLeast(1));
        int parallel = r.integer("parallel", DEFAULT_PARALLEL, Range.atLeast(1));
        int chunk = r.integer("runs_per_task", 1, Range.atLeast(1));
        List<String> extra = new ArrayList<>();
        Node list = r.take("sbatch");
        if (list instanceof Node.Scalar s && !s.isNull()) {
            extra.add(s.text());
        } else if (list instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                if (item instanceof Node.Scalar s && !s.isNull()) {
                    extra.add(s.text());
                } else {
                    problems.add(item.pos(), "launcher.sbatch: found " + item.describe() + ", expected an sbatch option such as --account=proj");
                }
            }
        } else if (list != null && !(list instanceof Node.Scalar)) {
            problems.add(list.pos(), "launcher.sbatch: found " + list.describe() + ", expected a list of sbatch options");
        }
        for (int i = 0; i < extra.size(); i++) {
            Pos at = list instanceof Node.ListNode l ? l.items().get(i).pos() : list.pos();
            String why = extraProblem(extra.get(i));
            if (why != null) {
                problems.add(at, "launcher.sbatch: found '" + extra.get(i) + "', " + why);
            }
        }
        r.finish();
        return new SlurmSettings(partition, time, memory, cpus, parallel, chunk, extra);
    }

    /** The reason an extra sbatch option is refused, or null. */
    static String extraProblem(String option) {
        if (!option.startsWith("-") || option.contains("\n") || option.contains("\r")) {
            return "expected one sbatch option starting with - on one line, such as --account=proj";
        }
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        if (option.startsWith("-") && !option.startsWith("--") && option.length() > 2) {
            name = option.substring(0, 2); // -pdebug
        }
        if (OWN.contains(name)) {
            return "which deepgrid sets itself (use launcher.partition, time, memory, cpus_per_task, parallel or"
                    + " runs_per_task; the array, output and working folder are deepgrid's)";
        }
        return null;
    }

    private static String checked(MapReader r, String key, Pattern form, String expected, Problems problems) {
        Node n = r.take(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            return "";
        }
        String text = n instanceof Node.Scalar s ? s.text().strip() : null;
        if (text == null || !form.matcher(text).matches()) {
            problems.add(n.pos(), "launcher." + key + ": found " + (text == null ? n.describe() : "'" + text + "'")
                    + ", expected " + expected);
            return "";
        }
        return text;
    }

    /**
     * These settings with the command line's on top: {@code values} maps a key of the block
     * ({@code partition}, {@code time}, ...) to the value given; {@code sbatch} options are added.
     */
    public SlurmSettings with(Map<String, String> values, List<String> moreSbatch) {
        Node.MapNode block = new Node.MapNode(Pos.of("command line"), Map.of(), Map.of());
        for (var e : toMap().entrySet()) {
            block = block.with(e.getKey(), e.getValue());
        }
        for (var e : values.entrySet()) {
            block = block.with(e.getKey(), new Node.Scalar(Pos.of("--" + e.getKey().replace('_', '-')), e.getValue(), false));
        }
        List<Node> items = new ArrayList<>();
        sbatch.forEach(o -> items.add(new Node.Scalar(Pos.of(KEY + ".sbatch"), o, true)));
        moreSbatch.forEach(o -> items.add(new Node.Scalar(Pos.of("--sbatch " + o), o, true)));
        block = block.with("sbatch", new Node.ListNode(Pos.of("--sbatch"), items));
        Problems problems = new Problems();
        SlurmSettings s = read(new Node.MapNode(Pos.of("command line"), Map.of(KEY, block), Map.of()), problems);
        problems.throwIfAny();
        return s;
    }

    private Map<String, Node> toMap() {
        Map<String, Node> m = new java.util.LinkedHashMap<>();
        Pos p = Pos.of(KEY);
        m.put("partition", new Node.Scalar(p, partition, true));
        m.put("time", new Node.Scalar(p, time, true));
        m.put("memory", new Node.Scalar(p, memory, true));
        m.put("cpus_per_task", new Node.Scalar(p, Integer.toString(cpusPerTask), false));
        m.put("parallel", new Node.Scalar(p, Integer.toString(parallel), false));
        m.put("runs_per_task", new Node.Scalar(p, Integer.toString(runsPerTask), false));
        m.values().removeIf(n -> ((Node.Scalar) n).text().isEmpty());
        return m;
    }

    /** The memory in megabytes, or 0 when not set. */
    public long memoryMegabytes() {
        if (memory.isEmpty()) {
            return 0;
        }
        char unit = Character.toUpperCase(memory.charAt(memory.length() - 1));
        long n = Long.parseLong(Character.isDigit(unit) ? memory : memory.substring(0, memory.length() - 1));
        return switch (unit) {
            case 'K' -> Math.max(1, n / 1024);
            case 'G' -> n * 1024;
            case 'T' -> n * 1024 * 1024;
            default -> n;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "partition=%s time=%s memory=%s cpus_per_task=%d parallel=%d runs_per_task=%d sbatch=%s",
                partition, time, memory, cpusPerTask, parallel, runsPerTask, sbatch);
    }
}
