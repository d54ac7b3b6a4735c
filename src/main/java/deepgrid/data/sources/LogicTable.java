package deepgrid.data.sources;

import deepgrid.data.DataSource;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntBinaryOperator;

/**
 * The truth table of a two-input logic gate: rows (0,0), (0,1), (1,0), (1,1) with a
 * binary class target (classes "0", "1"). Not split: the four rows are both the
 * training and the test set, since the point is whether a network can represent the
 * gate at all (XOR cannot be done by one linear unit, Minsky &amp; Papert 1969).
 */
public record LogicTable(Gate gate) implements DataSource {

    /** The gates, with their YAML source names. */
    public enum Gate {
        AND("and", (a, b) -> a & b),
        OR("or", (a, b) -> a | b),
        NAND("nand", (a, b) -> 1 - (a & b)),
        XOR("xor", (a, b) -> a ^ b);

        private final String yamlName;
        private final IntBinaryOperator truth;

        Gate(String yamlName, IntBinaryOperator truth) {
            this.yamlName = yamlName;
            this.truth = truth;
        }

        public String yamlName() {
            return yamlName;
        }

        /** The gate's output for inputs a, b in {0, 1}. */
        public int apply(int a, int b) {
            return truth.applyAsInt(a, b);
        }

        /** The gate whose YAML name is {@code name}, if any. */
        public static Optional<Gate> byYamlName(String name) {
            return Arrays.stream(values()).filter(g -> g.yamlName.equals(name)).findFirst();
        }
    }

    public LogicTable {
        deepgrid.math.Check.given("gate", gate, "a logic gate");
    }

    @Override
    public Splits load(Rng rng) {
        double[] x = new double[8];
        double[] y = new double[4];
        for (int row = 0; row < 4; row++) {
            int a = row >> 1;
            int b = row & 1;
            x[2 * row] = a;
            x[2 * row + 1] = b;
            y[row] = gate.apply(a, b);
        }
        Dataset table = new Dataset(new FlatMatrix(4, 2, x), new FlatMatrix(4, 1, y), List.of("0", "1"));
        return new Splits(table, Splits.none(table), table);
    }

    @Override
    public String name() {
        return gate.yamlName();
    }
}
