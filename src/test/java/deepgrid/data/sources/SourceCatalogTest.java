package deepgrid.data.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceCatalogTest {

    @Test
    void listsEveryBuiltInSourceOfTheSpec() {
        List<String> names = SourceCatalog.sources().stream().map(SourceCatalog.SourceInfo::name).toList();
        assertEquals(List.of("and", "or", "nand", "xor", "spiral", "moons", "circles", "blobs", "sine", "mnist",
                "fashion-mnist", "idx", "csv"), names);
    }

    @Test
    void defaultsComeFromTheRecords() {
        SourceCatalog.SourceInfo spiral = SourceCatalog.sources().stream()
                .filter(s -> s.name().equals("spiral")).findFirst().orElseThrow();
        assertEquals(List.of("classes=3", "samples=100", "noise=0.2", "test=0.2"),
                spiral.options().stream().map(o -> o.name() + "=" + o.defaultValue()).toList());
    }

    @Test
    void sourceNamesMatchTheRecords() {
        assertEquals("xor", new LogicTable(LogicTable.Gate.XOR).name());
        assertEquals("fashion-mnist", Mnist.of(Mnist.Flavor.FASHION).name());
        assertEquals(Mnist.Flavor.FASHION, Mnist.Flavor.byYamlName("fashion-mnist").orElseThrow());
    }
}
