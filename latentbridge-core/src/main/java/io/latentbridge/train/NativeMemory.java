package io.latentbridge.train;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Tunes the C allocator that libtorch's CPU tensors come from, so that a training step reuses
 * memory instead of mapping it afresh.
 *
 * <p>Why: every step allocates and frees the same large tensors (feature maps of several MB).
 * With glibc's defaults such blocks are mapped on allocation and unmapped on release, or the
 * heap's top is trimmed back to the system, so the next step touches new pages: the page faults
 * land in whichever operator writes the block first (a zero fill in a slice's or a pooling's
 * backward, mostly) and made those operators up to five times slower, varying from run to run
 * ({@code bench/README.md}). Raising the mmap threshold to its maximum (32 MiB: larger blocks
 * are still mapped) and the trim threshold to 1 GiB keeps freed blocks for reuse. It changes
 * no number a method computes, only where the bytes live; the price is that the process keeps
 * its high-water mark of freed memory until it exits.
 *
 * <p>Only glibc has {@code mallopt}; elsewhere (musl, macOS, Windows) nothing is done. The
 * system property {@code latentbridge.malloc=default} leaves the allocator alone.
 */
public final class NativeMemory {

    /** {@code M_TRIM_THRESHOLD} in glibc's malloc.h. */
    private static final int M_TRIM_THRESHOLD = -1;
    /** {@code M_MMAP_THRESHOLD} in glibc's malloc.h. */
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit systems. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;

    private NativeMemory() {}

    /**
     * Applies the tuning (idempotent: calling it again sets the same values).
     *
     * @return what was done, for the run's provenance: {@code "glibc tuned"},
     *     {@code "default (latentbridge.malloc=default)"}, {@code "default (not glibc)"} or
     *     {@code "default (mallopt refused)"}
     */
    public static String tune() {
        if ("default".equals(System.getProperty("latentbridge.malloc"))) {
            return "default (latentbridge.malloc=default)";
        }
        if (!Platform.isLinux()) {
            return "default (not glibc)";
        }
        try {
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            c.getFunction("gnu_get_libc_version"); // glibc only: musl has mallopt as a stub
            Function mallopt = c.getFunction("mallopt");
            boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                    & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
            return ok ? "glibc tuned" : "default (mallopt refused)";
        } catch (UnsatisfiedLinkError e) {
            return "default (not glibc)";
        }
    }
}
