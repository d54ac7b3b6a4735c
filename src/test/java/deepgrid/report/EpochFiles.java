package deepgrid.report;

import deepgrid.run.results.Columns;
import deepgrid.run.results.Csv;
import java.util.ArrayList;
import java.util.List;

/**
 * Fabricated per-run files in the layouts of {@link Columns}: metrics.csv without a
 * validation split (its columns empty, as the trainer writes them), a diverged run's
 * metrics.csv, a small network's layers.csv, and a config.yaml.
 */
final class EpochFiles {
    private EpochFiles() {
    }

    /** Epochs 0..last: train loss start/(1+e), accuracy rising by 0.08 an epoch; no validation values. */
    static String metrics(int last, double start) {
        StringBuilder text = new StringBuilder(Csv.row(Columns.METRICS));
        for (int e = 0; e <= last; e++) {
            double loss = start / (1 + e);
            double accuracy = 0.5 + 0.08 * e - start / 100;
            text.append(Csv.row(List.of(Integer.toString(e), Csv.num(loss), Csv.num(accuracy), "", "",
                    Csv.num(loss + 0.1), Csv.num(accuracy - 0.05), "0", "0.1", "0.0100", "0.0010")));
        }
        return text.toString();
    }

    /** A run whose loss grows tenfold per epoch until it is NaN (an empty cell) at epoch {@code last}. */
    static String diverged(int last) {
        StringBuilder text = new StringBuilder(Csv.row(Columns.METRICS));
        for (int e = 0; e <= last; e++) {
            String loss = e == last ? "" : Csv.num(2 * Math.pow(10, e));
            text.append(Csv.row(List.of(Integer.toString(e), loss, "0.1", "", "", loss, "0.1", "0", "0.1",
                    "0.0100", "0.0010")));
        }
        return text.toString();
    }

    /** dense(4), relu, dense(2) over epochs 0..last; gradients from epoch 1, 1000× smaller in the first layer. */
    static String layers(int last) {
        StringBuilder text = new StringBuilder(Csv.row(Columns.LAYERS));
        for (int e = 0; e <= last; e++) {
            String g1 = e == 0 ? "" : Csv.num(1e-4 * e);
            String g3 = e == 0 ? "" : Csv.num(0.1 * e);
            String update = e == 0 ? "" : "0.001";
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(Integer.toString(e), "1", "dense(4)", "0.01", "0.5", "", "", g1, update));
            rows.add(List.of(Integer.toString(e), "2", "relu", "0.2", "0.3", "", Csv.num(0.05 * e), "", ""));
            rows.add(List.of(Integer.toString(e), "3", "dense(2)", "0.1", "0.9", "", "", g3, update));
            rows.forEach(r -> text.append(Csv.row(r)));
        }
        return text.toString();
    }

    static String config(String name, String description) {
        return "# deepgrid resolved configuration\nname: '" + name.replace("'", "''") + "'\ndescription: '"
                + description.replace("'", "''") + "'\nseed: 1\n";
    }
}
