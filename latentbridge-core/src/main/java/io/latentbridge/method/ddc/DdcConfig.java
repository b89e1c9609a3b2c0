package io.latentbridge.method.ddc;

/**
 * DDC's hyper-parameters (snake_case keys).
 *
 * @param hidden encoder width H
 * @param latent width of the adaptation (bottleneck) layer whose features are matched
 * @param lambdaMmd weight of the MMD² term
 */
public record DdcConfig(int hidden, int latent, double lambdaMmd) {

    /** The defaults. */
    public static final DdcConfig DEFAULT = new DdcConfig(512, 64, 1.0);

    /** Rejects invalid values with a message naming the key. */
    public DdcConfig {
        if (hidden <= 0 || latent <= 0) {
            throw new IllegalArgumentException("hidden and latent must be positive");
        }
        if (!(lambdaMmd > 0)) {
            throw new IllegalArgumentException("lambda_mmd must be positive, got " + lambdaMmd);
        }
    }
}
