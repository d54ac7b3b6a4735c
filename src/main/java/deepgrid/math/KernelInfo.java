package deepgrid.math;

/**
 * What computed a run's products, recorded with its results: {@code kernel} is "native" or
 * "java", {@code blas} the library and its CPU kernels (e.g. "OpenBLAS 0.3.21 SkylakeX",
 * "VectorBLAS"), {@code threads} the threads per product. Runs agree bit for bit only when
 * kernel and blas agree (and the CPU family: OpenBLAS's kernels differ per CPU); the thread
 * count does not change any number.
 */
public record KernelInfo(String kernel, String blas, int threads) {
    /** True when runs made with this and with {@code other} may differ in their last bits. */
    public boolean mayDifferFrom(KernelInfo other) {
        return !kernel.equals(other.kernel) || !blas.equals(other.blas);
    }

    /** "native, OpenBLAS 0.3.21 SkylakeX" for messages. */
    public String label() {
        return kernel + ", " + blas;
    }
}
