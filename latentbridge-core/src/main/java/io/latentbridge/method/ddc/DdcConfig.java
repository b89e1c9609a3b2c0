package io.latentbridge.method.ddc;

/**
 * DDC's hyper-parameters (snake_case keys).
 *
 * @param hidden encoder width H
 * @param latent width of the adaptation (bottleneck) layer whose features are matched
 * @param lambdaMmd weight of the MMD² term (its final value when it ramps up)
 * @param gamma steepness γ of a ramp {@code λ_p = 2 / (1 + exp(−γ p)) − 1} that scales the
 *     weight over training progress p, as widely used DDC/Deep CORAL reimplementations do (the
 *     classifier learns before the features are pulled together); 0, the default, keeps the
 *     weight constant as in the DDC paper (the ramp measured no better: docs/RESULTS.md)
 */
public record DdcConfig(int hidden, int latent, double lambdaMmd, double gamma) {

    /** The defaults. */
    public static final DdcConfig DEFAULT = new DdcConfig(512, 64, 1.0, 0.0);

    /** Rejects invalid values with a message naming the key. */
    public DdcConfig {
        if (hidden <= 0 || latent <= 0) {
            throw new IllegalArgumentException("hidden and latent must be positive");
        }
        if (!(lambdaMmd > 0)) {
            throw new IllegalArgumentException("lambda_mmd must be positive, got " + lambdaMmd);
        }
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("gamma must be 0 (constant weight) or positive, got "
                    + gamma);
        }
    }
}
