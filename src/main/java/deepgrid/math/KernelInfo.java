package deepgrid.math;

/**
 * What computed a run's products, recorded with its results: {@code kernel} is "native" or
 * "java", {@code blas} the library and its CPU kernels (e.g. "OpenBLAS 0.3.21 SkylakeX",
 * "VectorBLAS"), {@code threads} the threads per product. Runs agree bit for bit only when all
 * three agree (and the CPU family): OpenBLAS's kernels for different CPUs and the two kernels
 * round differently, and a product shared among threads is several BLAS calls, which some
 * kernels compute with other code than one call (OpenBLAS's Haswell kernels do not).
 */
public record KernelInfo(String kernel, String blas, int threads) {
    /** True when runs made with this and with {@code other} may differ in their last bits. */
    public boolean mayDifferFrom(KernelInfo other) {
        return !equals(other);
    }

    /** "native, OpenBLAS 0.3.21 SkylakeX" for messages. */
    public String label() {
        return kernel + ", " + blas;
    }
}
