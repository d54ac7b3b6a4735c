package deepgrid.run.grid.search;

import java.util.List;

/**
 * A choice: its value is the index of an option. {@code labels} name the options in
 * trials.csv and in the names of conditional parameters ({@code optimizer[sgd].lr}).
 */
public record Categorical(List<String> labels) implements Domain {
    public Categorical {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a choice needs at least one option");
        }
    }

    @Override
    public long size() {
        return labels.size();
    }

    @Override
    public String text(double value) {
        return labels.get((int) value);
    }
}
