package io.latentbridge.method.bridge;

/**
 * Settings of the latent bridge (keys: {@code latent}, {@code hidden}, {@code layers},
 * {@code beta_kl}, {@code beta_swd}, {@code beta_cls}, {@code swd_projections},
 * {@code classifier_trained}). Defaults are the paper's MNIST ↔ Fashion-MNIST settings
 * (METHODS.md §3).
 *
 * @param latent width d′ of the shared latent space
 * @param hidden width of each hidden layer of the bridge's encoder and decoder
 * @param layers hidden layers of each
 * @param betaKl weight of the KL term
 * @param betaSwd weight of the sliced Wasserstein distance between the domains' shared codes
 * @param betaCls weight of the cross-entropy of the linear classifier on the shared code
 * @param swdProjections random {@code d′×d′} projection matrices per SWD evaluation
 * @param classifierTrained whether the linear classifier's weights are trained; the authors'
 *     code leaves them at their random initialisation (the loss then shapes only the encoder)
 */
public record BridgeConfig(int latent, int hidden, int layers, double betaKl, double betaSwd,
        double betaCls, int swdProjections, boolean classifierTrained) {

    /** The paper's MNIST ↔ Fashion-MNIST settings; the classifier is trained (see docs). */
    public static final BridgeConfig DEFAULT = new BridgeConfig(8, 512, 4, 0.005, 1.0, 0.05,
            128, true);

    /** Rejects invalid values with a message naming the key. */
    public BridgeConfig {
        BaseVaeConfig.check(latent > 0, "latent must be positive, got " + latent);
        BaseVaeConfig.check(hidden > 0, "hidden must be positive, got " + hidden);
        BaseVaeConfig.check(layers > 0, "layers must be positive, got " + layers);
        BaseVaeConfig.check(betaKl >= 0 && Double.isFinite(betaKl),
                "beta_kl must be zero or positive, got " + betaKl);
        BaseVaeConfig.check(betaSwd >= 0 && Double.isFinite(betaSwd),
                "beta_swd must be zero or positive, got " + betaSwd);
        BaseVaeConfig.check(betaCls >= 0 && Double.isFinite(betaCls),
                "beta_cls must be zero or positive, got " + betaCls);
        BaseVaeConfig.check(swdProjections > 0,
                "swd_projections must be positive, got " + swdProjections);
    }
}
