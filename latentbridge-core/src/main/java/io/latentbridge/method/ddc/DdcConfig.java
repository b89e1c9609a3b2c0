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
 * @param classWeighting {@code none}: the MMD compares the two marginal feature distributions,
 *     which, when the domains' class proportions differ (USPS has 18 % zeros, MNIST 10 %),
 *     pulls target features of an over-represented class towards other classes;
 *     {@code target_prior}: the weighted MMD of Yan et al. (2017) — each source image is
 *     weighted by the target batch's predicted share of its class over the source batch's
 *     count of it, so the source side is compared with the class mix the classifier sees in
 *     the target batch (no target labels: the share is the mean softmax, not differentiated);
 *     the default since it lifted MNIST→USPS above source-only (docs/RESULTS.md, which also
 *     says how that choice saw target labels). The weights follow the classifier's target
 *     predictions, so on a domain it reads badly they follow its errors (MNIST→MNIST-M: 0.41
 *     weighted against 0.49 unweighted); use {@code none} there
 */
public record DdcConfig(int hidden, int latent, double lambdaMmd, double gamma,
        String classWeighting) {

    /** The defaults. */
    public static final DdcConfig DEFAULT = new DdcConfig(512, 64, 1.0, 0.0, "target_prior");

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
        if (classWeighting == null) {
            // a run directory written before this key existed records none: it trained unweighted
            classWeighting = "none";
        }
        if (!"none".equals(classWeighting) && !"target_prior".equals(classWeighting)) {
            throw new IllegalArgumentException("class_weighting must be none or target_prior, got '"
                    + classWeighting + "'");
        }
    }
}
