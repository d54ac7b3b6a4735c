package deepgrid.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.DeepgridException;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** n training rows with x = row number, and a test set x = {testValues}; counts its loads. */
    record Counting(int n, List<Double> testValues, AtomicInteger loads, CountDownLatch release) implements DataSource {
        Counting(int n) {
            this(n, List.of(5.0, 20.0), new AtomicInteger(), new CountDownLatch(0));
        }

        @Override
        public Splits load(Rng rng) {
            loads.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double[] x = new double[n];
            Arrays.setAll(x, i -> i);
            double[] t = testValues.stream().mapToDouble(Double::doubleValue).toArray();
            Dataset train = new Dataset(new FlatMatrix(n, 1, x), new FlatMatrix(n, 1, x.clone()), List.of());
            Dataset test = new Dataset(new FlatMatrix(t.length, 1, t), new FlatMatrix(t.length, 1), List.of());
            return new Splits(train, Splits.none(train), test);
        }

        @Override
        public String name() {
            return "counting";
        }
    }

    @Test
    void limitTakesASeededRandomSubset() {
        DataLoader loader = new DataLoader();
        Counting source = new Counting(100);
        Splits a = loader.load(new DataSpec(source, 0, Normalize.NONE, 30, 7));
        assertEquals(30, a.train().size());
        assertEquals(30, Arrays.stream(a.train().x().data()).distinct().count());
        assertNotEquals(29.0, Arrays.stream(a.train().x().data()).max().orElseThrow(), "not the first 30 rows");
        Splits again = new DataLoader().load(new DataSpec(new Counting(100), 0, Normalize.NONE, 30, 7));
        assertArrayEquals(a.train().x().data(), again.train().x().data());
        assertEquals(2, a.test().size(), "limit applies to the training split only");
    }

    @Test
    void validationIsHeldOutOfTheLimitedTrainingSplit() {
        Splits s = new DataLoader().load(new DataSpec(new Counting(100), 0.1, Normalize.NONE, 30, 7));
        assertEquals(27, s.train().size());
        assertEquals(3, s.validation().size());
        double[] all = new double[30];
        System.arraycopy(s.train().x().data(), 0, all, 0, 27);
        System.arraycopy(s.validation().x().data(), 0, all, 27, 3);
        assertEquals(30, Arrays.stream(all).distinct().count(), "no row in both");
    }

    @Test
    void normalizationIsFittedOnTheTrainingSplitOnly() {
        // train x = 0..10, so min 0 and max 10; the test values 5 and 20 must not move them
        Splits s = new DataLoader().load(new DataSpec(new Counting(11), 0, Normalize.MINMAX, 0, 1));
        assertArrayEquals(new double[] {0.5, 2.0}, s.test().x().data(), 1e-12);
        assertEquals(1.0, Arrays.stream(s.train().x().data()).max().orElseThrow(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, s.train().y().data(), "targets untouched");
    }

    @Test
    void tooLargeValidationIsAnError() {
        DeepgridException e = assertThrows(DeepgridException.class,
                () -> new DataLoader().load(new DataSpec(new Counting(2), 0.8, Normalize.NONE, 0, 1)));
        assertEquals("data: validation 0.8 of 2 rows leaves no training rows; use a smaller fraction", e.getMessage());
    }

    @Test
    void specOptionsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataSpec(new Counting(2), 1.0, Normalize.NONE, 0, 1));
        assertEquals("validation: found 1, expected a finite number ≥ 0 and < 1", e.getMessage());
    }

    @Test
    void sameSpecGivesTheSameObjectAndSourceLoadsOncePerSeed() {
        DataLoader loader = new DataLoader();
        Counting source = new Counting(10);
        Splits a = loader.load(new DataSpec(source, 0.2, Normalize.STANDARDIZE, 0, 3));
        assertSame(a, loader.load(new DataSpec(source, 0.2, Normalize.STANDARDIZE, 0, 3)));
        loader.load(new DataSpec(source, 0, Normalize.MINMAX, 0, 3));
        assertEquals(1, source.loads().get(), "other options, same (source, seed)");
        loader.load(new DataSpec(source, 0, Normalize.MINMAX, 0, 4));
        assertEquals(1, source.loads().get(), "a source that never draws from its Rng is fixed data: loaded once");
    }

    @Test
    void aSeededSourceLoadsOncePerSeed() {
        DataLoader loader = new DataLoader();
        AtomicInteger loads = new AtomicInteger();
        DataSource seeded = new DataSource() {
            @Override
            public Splits load(Rng rng) {
                loads.incrementAndGet();
                double[] x = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
                Dataset d = new Dataset(new FlatMatrix(3, 1, x), new FlatMatrix(3, 1, x.clone()), List.of());
                return new Splits(d, Splits.none(d), d);
            }

            @Override
            public String name() {
                return "seeded";
            }
        };
        Splits s3 = loader.load(new DataSpec(seeded, 0, Normalize.NONE, 0, 3));
        loader.load(new DataSpec(seeded, 0, Normalize.NONE, 0, 3));
        assertEquals(1, loads.get());
        Splits s4 = loader.load(new DataSpec(seeded, 0, Normalize.NONE, 0, 4));
        assertEquals(2, loads.get(), "another seed loads again");
        assertNotEquals(s3.train(), s4.train());
    }

    @Test
    void dataSeedsShareOneCopyOfFixedData() {
        // issue 14 item 5: grid {data.seed: [0..7]} with limit and validation held 8 copies of Fashion-MNIST
        DataLoader loader = new DataLoader();
        Counting source = new Counting(100);
        FlatMatrix raw = loader.raw(new DataSpec(source, 0, Normalize.NONE, 0, 0)).train().x();
        for (long seed = 0; seed < 8; seed++) {
            Splits s = loader.load(new DataSpec(source, 0.1, Normalize.MINMAX, 50, seed));
            assertEquals(45, s.train().size());
            assertEquals(5, s.validation().size());
            assertSame(raw, loader.raw(new DataSpec(source, 0, Normalize.NONE, 0, seed)).train().x(),
                    "seed " + seed + " views the one loaded copy");
        }
        assertEquals(1, source.loads().get());
    }

    @Test
    void viewsGiveTheNumbersCopiesGave() {
        // what the loader did before views: copy the limit subset, copy the two splits, normalize copies
        Counting source = new Counting(40);
        Splits raw = source.load(new Rng(0));
        DataSpec spec = new DataSpec(source, 0.25, Normalize.STANDARDIZE, 30, 9);
        Rng rng = new Rng(9);
        FlatMatrix x = raw.train().x();
        FlatMatrix limited = x.selectRows(rng.split("limit").permutation(40), 0, 30);
        int[] order = rng.split("validation").permutation(30);
        FlatMatrix train = limited.selectRows(order, 0, 22);
        FlatMatrix validation = limited.selectRows(order, 22, 30);
        Scaling s = Normalize.STANDARDIZE.fit(train);
        Splits views = new DataLoader().load(spec);
        assertArrayEquals(s.apply(new Dataset(train, train, List.of())).x().data(), views.train().x().data());
        assertArrayEquals(s.apply(new Dataset(validation, validation, List.of())).x().data(),
                views.validation().x().data());
        assertEquals(train, views.train().y());
    }

    @Test
    void concurrentCallersWaitForOneLoad() throws Exception {
        DataLoader loader = new DataLoader();
        CountDownLatch release = new CountDownLatch(1);
        Counting source = new Counting(10, List.of(1.0), new AtomicInteger(), release);
        DataSpec spec = DataSpec.of(source, 1);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Splits> a = pool.submit(() -> { start.await(); return loader.load(spec); });
            Future<Splits> b = pool.submit(() -> { start.await(); return loader.load(spec); });
            Thread.sleep(100); // both threads are inside load(), one of them blocked in the source
            release.countDown();
            assertSame(a.get(5, TimeUnit.SECONDS), b.get(5, TimeUnit.SECONDS));
            assertEquals(1, source.loads().get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedLoadIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        DataSource failing = new DataSource() {
            @Override
            public Splits load(Rng rng) {
                calls.incrementAndGet();
                throw new DeepgridException("no data");
            }

            @Override
            public String name() {
                return "failing";
            }
        };
        DataLoader loader = new DataLoader();
        assertThrows(DeepgridException.class, () -> loader.load(DataSpec.of(failing, 0)));
        assertThrows(DeepgridException.class, () -> loader.load(DataSpec.of(failing, 0)));
        assertEquals(2, calls.get());
    }
}
