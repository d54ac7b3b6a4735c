package deepgrid.run.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The script a job array is submitted with, and how squeue's answer is read. */
class SbatchScriptTest {
    @Test
    void theScriptSaysEverySettingAndRunsTheTaskOfItsIndex() {
        SlurmSettings s = new SlurmSettings("gpu", "1:00:00", "2G", 2, 4, 3, List.of("--account=p 1", "--qos=low"));
        String text = SbatchScript.text("xor", 10, 4, s, Path.of("/r/xor/slurm/T"), Path.of("/home/me"),
                List.of("/jdk/bin/java", "-Xmx1536m", "-cp", "/a b/deepgrid.jar", "deepgrid.cli.Main"));
        assertEquals("""
                #!/bin/bash
                # deepgrid: 10 runs of experiment xor in 4 Slurm array tasks (3 runs per task)
                # task files: /r/xor/slurm/T (each task trains the runs of its task-K.yaml)
                #SBATCH --job-name=deepgrid-xor
                #SBATCH --array=0-3%4
                #SBATCH --output=/r/xor/slurm/T/logs/%A_%a.out
                #SBATCH --chdir=/home/me
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=2
                #SBATCH --partition=gpu
                #SBATCH --time=1:00:00
                #SBATCH --mem=2G
                #SBATCH --account=p 1
                #SBATCH --qos=low
                exec /jdk/bin/java -Xmx1536m -cp '/a b/deepgrid.jar' deepgrid.cli.Main task /r/xor/slurm/T --jobs 2 "$SLURM_ARRAY_TASK_ID"
                """, text);
        assertTrue(SbatchScript.text("x", 1, 1, SlurmSettings.DEFAULTS, Path.of("/s"), Path.of("/w"), List.of("java"))
                .contains("#SBATCH --array=0-0%1\n"));
    }

    @Test
    void thisDeepgridIsThisJvmWithTheTaskMemory() {
        List<String> cmd = SbatchScript.thisDeepgrid(4096, "deepgrid.cli.Main");
        assertTrue(cmd.get(0).endsWith("/bin/java"), cmd.toString());
        assertEquals("-Xmx3072m", cmd.get(cmd.size() - 4));
        assertEquals(1, cmd.stream().filter(a -> a.startsWith("-Xmx")).count());
        assertEquals("deepgrid.cli.Main", cmd.get(cmd.size() - 1));
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-javaagent")));
    }

    @Test
    void quotingKeepsEveryArgumentOneWord() {
        assertEquals("plain/path-1.jar", SbatchScript.quote("plain/path-1.jar"));
        assertEquals("'it'\\''s here'", SbatchScript.quote("it's here"));
        assertEquals("'$HOME'", SbatchScript.quote("$HOME"));
    }

    @Test
    void squeueLinesBecomeTasksAlsoForAPendingArrayStillInOneLine() {
        assertEquals(Set.of("7_0", "7_1", "7_2", "7_3", "7_5", "7_9", "7_10", "8_4"),
                Slurm.parseQueue("7|0|RUNNING\n7|1|RUNNING\n7|2-3,5%2|PENDING\n7|9-10|PENDING\n8|4|COMPLETING\n9|N/A|RUNNING\n\n"));
    }
}
