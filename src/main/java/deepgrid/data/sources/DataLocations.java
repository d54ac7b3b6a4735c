package deepgrid.data.sources;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where the real image data sets were looked for and found, for the {@code datasets} command. */
public final class DataLocations {
    private DataLocations() {
    }

    /**
     * One data set's search: the folders looked in (in order), the first that holds
     * data ({@code found}, null when none does) and how to get it.
     */
    public record RealData(String source, List<Path> searched, Path found, String howToGet) {
        public RealData {
            searched = List.copyOf(searched);
        }

        public boolean isFound() {
            return found != null;
        }
    }

    /** The search result of mnist and fashion-mnist, relative to {@code workDir}. */
    public static List<RealData> scan(Path workDir) {
        return Arrays.stream(Mnist.Flavor.values()).map(flavor -> scan(flavor, workDir)).toList();
    }

    private static RealData scan(Mnist.Flavor flavor, Path workDir) {
        List<Path> searched = Mnist.candidates(flavor, workDir);
        Optional<Path> found = searched.stream().filter(dir -> Mnist.holdsData(dir, flavor)).findFirst();
        return new RealData(flavor.yamlName(), searched, found.orElse(null), Mnist.howToGet(flavor));
    }
}
