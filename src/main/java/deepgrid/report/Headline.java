package deepgrid.report;

import java.util.List;

/**
 * The one final metric the page leads with: test accuracy if any run has it, else
 * validation, else training accuracy, else the same for the loss (a regression). The
 * summary table shows the accuracy and loss of its split; the comparisons use the metric.
 */
record Headline(String metric, List<String> present) {
    private static final List<String> ORDER = List.of("test_accuracy", "val_accuracy", "train_accuracy",
            "test_loss", "val_loss", "train_loss");

    static Headline of(List<RunRow> runs) {
        List<String> present = FinalMetrics.present(runs);
        String metric = ORDER.stream().filter(present::contains).findFirst().orElse("test_accuracy");
        return new Headline(metric, present);
    }

    /** test, val or train. */
    String split() {
        return metric.substring(0, metric.indexOf('_'));
    }

    /** The split as a reader says it. */
    String splitName() {
        return split().equals("val") ? "validation" : split();
    }

    /** The split's metrics present in the runs, accuracy first: e.g. test_accuracy, test_loss. */
    List<String> splitMetrics() {
        return List.of(split() + "_accuracy", split() + "_loss").stream().filter(present::contains).toList();
    }

    static boolean higherIsBetter(String metric) {
        return metric.endsWith("accuracy");
    }

    /** "test accuracy" for test_accuracy. */
    static String words(String metric) {
        return metric.replace("val_", "validation_").replace('_', ' ');
    }
}
