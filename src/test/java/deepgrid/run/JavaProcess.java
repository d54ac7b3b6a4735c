package deepgrid.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of this test classpath in a separate JVM, as a second deepgrid would run. */
public final class JavaProcess {
    private JavaProcess() {
    }

    /** {@code java -cp <test classpath> [jvmOptions] mainClass args}, stdout and stderr into {@code log}. */
    public static Process start(Path log, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-XX:+UseSerialGC"); // two cores are shared: no parallel GC threads
        cmd.addAll(jvmOptions);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
