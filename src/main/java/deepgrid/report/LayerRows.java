package deepgrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One run's layers.csv regrouped by layer: each layer's kind and its columns over the epochs. */
record LayerRows(List<LayerRows.Layer> layers) {
    LayerRows {
        layers = List.copyOf(layers);
    }

    /** One layer of the pipeline (1 = first) and its rows, in file (epoch) order. */
    record Layer(int position, String kind, List<Map<String, String>> rows) {
        Layer {
            rows = List.copyOf(rows);
        }

        /** "3 dense(128)". */
        String label() {
            return position + " " + kind;
        }

        double[] epochs() {
            return column("epoch");
        }

        double[] column(String name) {
            return rows.stream().mapToDouble(r -> RunFiles.number(r, name)).toArray();
        }

        /** Whether some epoch has a value in {@code name} (e.g. only activation layers have dead_fraction). */
        boolean has(String name) {
            return java.util.Arrays.stream(column(name)).anyMatch(Double::isFinite);
        }

        /** The value of {@code name} at the last epoch that has one, NaN if none. */
        double last(String name) {
            double[] v = column(name);
            for (int i = v.length - 1; i >= 0; i--) {
                if (Double.isFinite(v[i])) {
                    return v[i];
                }
            }
            return Double.NaN;
        }
    }

    /** Groups layers.csv rows by their {@code layer} column; rows without a layer number are left out. */
    static LayerRows of(List<Map<String, String>> rows) {
        TreeMap<Integer, List<Map<String, String>>> byLayer = new TreeMap<>();
        for (Map<String, String> row : rows) {
            double position = RunFiles.number(row, "layer");
            if (Double.isFinite(position)) {
                byLayer.computeIfAbsent((int) position, p -> new ArrayList<>()).add(row);
            }
        }
        List<Layer> layers = new ArrayList<>();
        byLayer.forEach((position, r) -> layers.add(new Layer(position, r.get(0).getOrDefault("kind", ""), r)));
        return new LayerRows(layers);
    }

    /** The layers that have a value in {@code column}. */
    List<Layer> with(String column) {
        return layers.stream().filter(l -> l.has(column)).toList();
    }

    boolean isEmpty() {
        return layers.isEmpty();
    }
}
