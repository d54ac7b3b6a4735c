package deepgrid.cli;

import deepgrid.config.JsonSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrid schema}: prints the JSON Schema of the experiment file, generated from the
 * catalogue; {@code schema/deepgrid.schema.json} in the repository is the same text.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of experiment files (for editor completion and checks).")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(JsonSchema.text());
        out.flush();
        return Main.OK;
    }
}
