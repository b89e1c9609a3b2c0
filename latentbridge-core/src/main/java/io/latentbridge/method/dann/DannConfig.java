package io.latentbridge.method.dann;

/**
 * DANN's hyper-parameters (snake_case keys).
 *
 * @param hidden encoder width H
 * @param latent bottleneck width (the aligned features)
 * @param lambdaAdv weight of the domain loss
 * @param gamma steepness γ of the λ_p schedule of the gradient reversal
 * @param domainHidden width of the domain classifier's hidden layer
 */
public record DannConfig(int hidden, int latent, double lambdaAdv, double gamma, int domainHidden) {

    /** The defaults. */
    public static final DannConfig DEFAULT = new DannConfig(512, 64, 0.03, 10.0, 256);

    /** Rejects invalid values with a message naming the key. */
    public DannConfig {
        if (hidden <= 0 || latent <= 0 || domainHidden <= 0) {
            throw new IllegalArgumentException("hidden, latent and domain_hidden must be positive");
        }
        if (!(lambdaAdv > 0)) {
            throw new IllegalArgumentException("lambda_adv must be positive, got " + lambdaAdv);
        }
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("gamma must be positive, got " + gamma);
        }
    }
}
