package deepgrid.config;

import deepgrid.DeepgridException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one or more experiment files, one "file:line:col: message" per line. */
public final class ConfigException extends DeepgridException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public static ConfigException at(Pos pos, String message) {
        return new ConfigException(List.of(new Problem(pos, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
