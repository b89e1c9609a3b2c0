package io.latentbridge.method.bridge;

/**
 * Settings of a base VAE (keys in config files and {@code --set}: {@code hidden},
 * {@code layers}, {@code latent}, {@code sigma_x}, {@code beta}).
 *
 * @param hidden width of each hidden layer (the authors: 1024)
 * @param layers hidden layers in the encoder and, mirrored, the decoder (the authors: 3)
 * @param latent latent width (the authors: 100)
 * @param sigmaX the Gaussian likelihood's standard deviation σ_x (the authors: 0.1)
 * @param beta weight of the KL term (the authors: 1)
 */
public record BaseVaeConfig(int hidden, int layers, int latent, double sigmaX, double beta) {

    /** The authors' MNIST / Fashion-MNIST settings. */
    public static final BaseVaeConfig DEFAULT = new BaseVaeConfig(1024, 3, 100, 0.1, 1.0);

    /** Rejects invalid values with a message naming the key. */
    public BaseVaeConfig {
        check(hidden > 0, "hidden must be positive, got " + hidden);
        check(layers > 0, "layers must be positive, got " + layers);
        check(latent > 0, "latent must be positive, got " + latent);
        check(sigmaX > 0 && Double.isFinite(sigmaX), "sigma_x must be positive, got " + sigmaX);
        check(beta >= 0 && Double.isFinite(beta), "beta must be zero or positive, got " + beta);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
