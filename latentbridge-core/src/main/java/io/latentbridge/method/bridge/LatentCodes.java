package io.latentbridge.method.bridge;

/**
 * A domain's training set encoded once by its frozen base VAE: each item's posterior mean and
 * standard deviation, and its label. Batches re-sample {@code z = μ + σ·ε} every time, as the
 * authors do, so the bridge sees the base posterior rather than one point per image.
 *
 * @param width the latent width Z
 * @param mu {@code count×Z} means, row-major
 * @param sigma {@code count×Z} standard deviations, row-major
 * @param labels the items' classes
 */
public record LatentCodes(int width, float[] mu, float[] sigma, int[] labels) {

    /** Checks the arrays agree. */
    public LatentCodes {
        if (mu.length != sigma.length || mu.length != (long) labels.length * width) {
            throw new IllegalArgumentException("latent codes: " + labels.length + " labels need "
                    + labels.length * width + " values, got " + mu.length + " and " + sigma.length);
        }
    }

    /** @return the number of items */
    public int count() {
        return labels.length;
    }
}
