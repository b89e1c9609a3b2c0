package io.latentbridge.method.sourceonly;

/**
 * Source-only hyper-parameters: the same backbone as every other method.
 *
 * @param hidden width H of the encoder's representation
 * @param latent width of the bottleneck the classifier reads (CDLM's μ has this width)
 */
public record SourceOnlyConfig(int hidden, int latent) {

    /** The defaults, matching CDLM's encoder and latent sizes. */
    public static final SourceOnlyConfig DEFAULT = new SourceOnlyConfig(512, 64);

    /** Rejects invalid values. */
    public SourceOnlyConfig {
        if (hidden <= 0 || latent <= 0) {
            throw new IllegalArgumentException("hidden and latent must be positive");
        }
    }
}
