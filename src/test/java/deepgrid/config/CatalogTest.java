package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.data.sources.LogicTable;
import deepgrid.data.sources.Mnist;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void listsEveryBuiltInSourceOfTheSpec() {
        assertEquals(List.of("and", "or", "nand", "xor", "spiral", "moons", "circles", "blobs", "sine", "mnist",
                "fashion-mnist", "idx", "csv"), List.copyOf(Catalog.SOURCES.nameSet()));
    }

    @Test
    void defaultsComeFromTheRecords() {
        Family.Entry<?> spiral = Catalog.SOURCES.entry("spiral");
        assertEquals(List.of("classes=3", "samples=100", "noise=0.2", "test=0.2"),
                spiral.options().stream().map(o -> o.key() + "=" + o.shownDefault()).toList());
    }

    @Test
    void sourceNamesMatchTheRecords() {
        assertEquals("xor", new LogicTable(LogicTable.Gate.XOR).name());
        assertEquals("fashion-mnist", Mnist.of(Mnist.Flavor.FASHION).name());
        assertEquals(Mnist.Flavor.FASHION, Mnist.Flavor.byYamlName("fashion-mnist").orElseThrow());
    }
}
