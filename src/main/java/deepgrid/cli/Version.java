package deepgrid.cli;

import picocli.CommandLine;

/** {@code --version}: deepgrid's version and the Java runtime. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "deepgrid " + (v == null ? "(development build)" : v),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
