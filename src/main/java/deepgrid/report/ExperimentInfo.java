package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.config.Node;
import deepgrid.config.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the page says about the experiment as a whole, from the config.yaml of its first
 * run (every run's file has the same name and description): the name (the folder's name
 * when no config.yaml can be read), the description, and the file itself to show.
 *
 * @param configRun  the run whose config.yaml this is, "" when none could be read
 * @param configText that file's text, "" when none
 */
record ExperimentInfo(String name, String description, String configRun, String configText) {

    static ExperimentInfo read(Path experimentDir, RunTable table, RunFiles files) {
        String folderName = experimentDir.toAbsolutePath().normalize().getFileName().toString();
        for (RunRow run : table.rows()) {
            Optional<String> text = files.text(run, "config.yaml");
            if (text.isPresent()) {
                return parse(folderName, run, text.get(), files);
            }
        }
        return new ExperimentInfo(folderName, "", "", "");
    }

    private static ExperimentInfo parse(String folderName, RunRow run, String text, RunFiles files) {
        String where = RunFiles.folder(run).resolve("config.yaml").toString();
        try {
            Node root = YamlReader.parse(where, text.getBytes(StandardCharsets.UTF_8));
            String name = scalar(root, "name").orElse(folderName);
            return new ExperimentInfo(name, scalar(root, "description").orElse(""), run.cell("run"), text);
        } catch (DeepgridException e) {
            files.note(where + " could not be read (" + RunFiles.firstLine(e) + "); the name is the folder's");
            return new ExperimentInfo(folderName, "", "", "");
        }
    }

    /** The text of a top-level scalar, if the file has it and it is not null. */
    private static Optional<String> scalar(Node root, String key) {
        if (root instanceof Node.MapNode map && map.get(key) instanceof Node.Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }
}
