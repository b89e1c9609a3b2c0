package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;

/**
 * CDLM's cross-domain modulated reparameterization: the latent of one domain is sampled with a
 * modulation signal {@code m} taken from the <em>other</em> domain's deep representation.
 *
 * <p>With {@code μ, σ} of domain a and {@code m} from domain b:
 * <ul>
 *   <li>{@link Mode#NOISE}: {@code z̈ = μ + σ ⊙ (m + ε)} — mean {@code μ + σ ⊙ m};
 *   <li>{@link Mode#REPLACE}: {@code z̈ = μ + σ ⊙ m} — the representation replaces the noise;
 *   <li>{@link Mode#SHIFT}: {@code z̈ = μ + m + σ ⊙ ε};
 *   <li>{@link Mode#NONE}: {@code z = μ + σ ⊙ ε}, the plain VAE sample (the ablation).
 * </ul>
 * Gradients flow through μ, σ and m; ε is constant.
 */
public final class ModulatedReparameterization {

    /** How the modulation enters the sample. */
    public enum Mode { NOISE, REPLACE, SHIFT, NONE }

    private final Mode mode;

    /** @param mode the modulation mode */
    public ModulatedReparameterization(Mode mode) {
        this.mode = mode;
    }

    /**
     * Draws the modulated latent.
     *
     * @param mu the mean, {@code N×Z}
     * @param sigma the standard deviation, {@code N×Z}
     * @param modulation the other domain's modulation signal, {@code N×Z}
     * @param epsilon standard normal noise, {@code N×Z}
     * @return the latent sample
     */
    public NDArray sample(NDArray mu, NDArray sigma, NDArray modulation, NDArray epsilon) {
        return switch (mode) {
            case NOISE -> mu.add(sigma.mul(modulation.add(epsilon)));
            case REPLACE -> mu.add(sigma.mul(modulation));
            case SHIFT -> mu.add(modulation).add(sigma.mul(epsilon));
            case NONE -> mu.add(sigma.mul(epsilon));
        };
    }

    /**
     * The mean of the modulated latent distribution, e.g. the transfer mean {@code μ_st}.
     *
     * @param mu the mean
     * @param sigma the standard deviation
     * @param modulation the modulation signal
     * @return the mean of {@link #sample} over ε
     */
    public NDArray mean(NDArray mu, NDArray sigma, NDArray modulation) {
        return switch (mode) {
            case NOISE, REPLACE -> mu.add(sigma.mul(modulation));
            case SHIFT -> mu.add(modulation);
            case NONE -> mu;
        };
    }
}
