package io.latentbridge.method.dsn;

import java.util.List;

/**
 * DSN's hyper-parameters (snake_case keys).
 *
 * @param hidden width H of the encoders' representations
 * @param latent width of the shared and of each private code
 * @param lambdaRec weight α of the scale-invariant reconstruction
 * @param lambdaDiff weight β of the difference loss
 * @param lambdaSim weight γ of the similarity loss
 * @param similarity {@code dann} (domain classifier behind gradient reversal on the shared
 *     codes) or {@code mmd} (multi-kernel MMD between the shared codes)
 * @param gamma steepness of the λ_p schedule of the gradient reversal
 */
public record DsnConfig(int hidden, int latent, double lambdaRec, double lambdaDiff,
        double lambdaSim, String similarity, double gamma) {

    /** The defaults (the similarity weight matches DANN's default adversarial weight). */
    public static final DsnConfig DEFAULT = new DsnConfig(512, 64, 0.1, 0.05, 0.03, "dann", 10.0);

    /** Rejects invalid values with a message naming the key. */
    public DsnConfig {
        if (hidden <= 0 || latent <= 0) {
            throw new IllegalArgumentException("hidden and latent must be positive");
        }
        if (lambdaRec < 0 || lambdaDiff < 0 || lambdaSim < 0) {
            throw new IllegalArgumentException("lambda_rec, lambda_diff and lambda_sim must be zero or positive");
        }
        if (!List.of("dann", "mmd").contains(similarity)) {
            throw new IllegalArgumentException("similarity must be dann or mmd, got '" + similarity + "'");
        }
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("gamma must be positive, got " + gamma);
        }
    }
}
