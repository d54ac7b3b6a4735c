package deepgrid.data;

import deepgrid.math.Rng;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Loads and prepares data for runs; create one per process and share it between
 * threads. Each (source, seed) is loaded once per process — and a source that does not
 * use its Rng (fixed files such as Fashion-MNIST's) once for every seed — and each
 * {@link DataSpec} prepared once: the runs of a grid differ in model and training, not in
 * data, so they share the same read-only {@link Splits}. Concurrent callers of one key
 * wait for the single load in progress; a failed load is forgotten so that the next
 * caller tries again (and reports the error again).
 *
 * <p>Preparation, in this order, each step with its own Rng purpose derived from
 * {@code seed}: "source" (generation and the source's own test split), "limit" (a
 * random subset of at most {@code limit} training rows — random, not the first N,
 * because some sources come grouped by class), "validation" (a random fraction of the
 * remaining training rows held out), then normalization fitted on the remaining
 * training rows and applied to all three splits. Every step makes a view of the loaded
 * rows ({@link Dataset#rows}, {@link Scaling#apply}), never a copy: a grid over data seeds,
 * limits, validation fractions and normalizations holds one copy of the data set and, per
 * option, only row indices. Cached splits are kept for the life of the loader.
 */
public final class DataLoader {
    private final ConcurrentMap<SourceKey, CompletableFuture<Splits>> sources = new ConcurrentHashMap<>();
    private final ConcurrentMap<DataSource, Splits> seedless = new ConcurrentHashMap<>();
    private final ConcurrentMap<DataSpec, CompletableFuture<Splits>> prepared = new ConcurrentHashMap<>();

    private record SourceKey(DataSource source, long seed) {
    }

    /** The prepared splits of {@code spec}; the same object for equal specs. */
    public Splits load(DataSpec spec) {
        return once(prepared, spec, () -> prepare(spec, raw(spec)));
    }

    /** The splits exactly as the source gave them for this seed. */
    public Splits raw(DataSpec spec) {
        Splits any = seedless.get(spec.source());
        if (any != null) {
            return any;
        }
        SourceKey key = new SourceKey(spec.source(), spec.seed());
        return once(sources, key, () -> {
            Splits same = seedless.get(spec.source()); // loaded for another seed meanwhile
            if (same != null) {
                return same;
            }
            Rng rng = new Rng(spec.seed()).split("source");
            Splits loaded = spec.source().load(rng);
            if (!rng.used()) { // fixed data: the same for every seed
                seedless.putIfAbsent(spec.source(), loaded);
            }
            return loaded;
        });
    }

    private static Splits prepare(DataSpec spec, Splits raw) {
        Rng rng = new Rng(spec.seed());
        Dataset train = limit(raw.train(), spec.limit(), rng.split("limit"));
        Dataset validation = Splits.none(train);
        if (spec.validation() > 0) {
            int[] order = rng.split("validation").permutation(train.size());
            int keep = Splits.trainRows("data: validation " + spec.validation(), train.size(), spec.validation());
            validation = train.rows(order, keep, train.size());
            train = train.rows(order, 0, keep);
        }
        if (spec.normalize() == Normalize.NONE) {
            return new Splits(train, validation, raw.test());
        }
        Scaling scaling = spec.normalize().fit(train.inputs());
        return new Splits(scaling.apply(train), scaling.apply(validation), scaling.apply(raw.test()));
    }

    private static Dataset limit(Dataset train, int limit, Rng rng) {
        if (limit == 0 || limit >= train.size()) {
            return train;
        }
        return train.rows(rng.permutation(train.size()), 0, limit);
    }

    // The first caller of a key runs the load on its own thread; later callers wait for its future.
    private static <K> Splits once(ConcurrentMap<K, CompletableFuture<Splits>> cache, K key, Supplier<Splits> load) {
        CompletableFuture<Splits> mine = new CompletableFuture<>();
        CompletableFuture<Splits> existing = cache.putIfAbsent(key, mine);
        if (existing != null) {
            return join(existing);
        }
        try {
            mine.complete(load.get());
        } catch (RuntimeException | Error e) {
            cache.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return join(mine);
    }

    private static Splits join(CompletableFuture<Splits> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
