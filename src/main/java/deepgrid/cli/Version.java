package deepgrid.cli;

import deepgrid.DeepgridException;
import deepgrid.math.Kernel;
import picocli.CommandLine;

/** {@code --version}: deepgrid's version, the Java runtime and the matrix kernel that runs the products. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "deepgrid " + (v == null ? "(development build)" : v),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "kernel: " + kernel(),
        };
    }

    /** The active kernel, or why none could be chosen (a bad DEEPGRID_KERNEL must not hide the version). */
    static String kernel() {
        try {
            return Kernel.description();
        } catch (DeepgridException e) {
            return "none: " + e.getMessage();
        }
    }
}
