package io.latentbridge.data.generated;

import java.util.SplittableRandom;

/**
 * The random stream of one generated image, a function of (seed, split, index) only: any
 * image can be regenerated alone (how {@code data verify} checks the first images), and a
 * larger set starts with the images of a smaller one.
 */
final class ImageRandom {

    private ImageRandom() {}

    static SplittableRandom of(long seed, String split, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + split.hashCode() * 0xC2B2AE3D27D4EB4FL + index;
        return new SplittableRandom(mix(h));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
