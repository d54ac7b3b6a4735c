package deepgrid.math;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The only source of randomness. A run derives one Rng from (seed, repeat) and
 * {@link #split splits} it per purpose ("init", "shuffle", "dropout"), so that
 * changing how often one purpose draws never changes another purpose's numbers.
 * Never share one instance between threads.
 */
public final class Rng {
    private final long seed;
    private final RandomGenerator generator;
    private boolean used; // drawn from or split: see used()

    public Rng(long seed) {
        this.seed = seed;
        this.generator = new MersenneTwister(seed);
    }

    /** The seed this generator started from. */
    public long seed() {
        return seed;
    }

    /**
     * True once anything was drawn from this generator or it was split (a split is taken to be
     * drawn from). A data source that never used its Rng gave seed-independent data, which the
     * loader then keeps once for every seed.
     */
    public boolean used() {
        return used;
    }

    /** An independent generator for {@code purpose}, a pure function of this seed and the purpose. */
    public Rng split(String purpose) {
        used = true;
        long h = seed;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return new Rng(mix(h + 0x9E3779B97F4A7C15L));
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        used = true;
        return generator.nextDouble();
    }

    /** Standard normal. */
    public double nextGaussian() {
        used = true;
        return generator.nextGaussian();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        used = true;
        return generator.nextInt(bound);
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        used = true;
        for (int i = a.length - 1; i > 0; i--) {
            int j = generator.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0, 1, ..., n−1 in a random order. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a);
        return a;
    }

    // SplitMix64 finalizer (Steele, Lea & Flood 2014): spreads nearby seeds far apart.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
