package io.latentbridge.method.cdlm;

/**
 * CDLM's hyper-parameters (snake_case keys in config files). See {@code docs/cdlm.md} for the
 * equations each one enters.
 *
 * @param hidden width H of the deep representation h
 * @param latent latent size Z
 * @param modulation {@code noise}, {@code replace}, {@code shift}, or {@code none} (plain z)
 * @param modulationSignal {@code standardize} (m = batch-standardised W_g h) or {@code tanh}
 * @param classifierInput what the label classifier trains on: {@code modulated} (z̈_st),
 *     {@code mu} or {@code z}, and at test time reads μ; or {@code h}, the deep representation,
 *     in training and at test time
 * @param beta weight of the KL term
 * @param lambdaRec weight of the reconstruction term
 * @param lambdaAdv weight of the domain-adversarial term (0 disables the domain classifier)
 * @param gamma steepness of the DANN λ_p schedule of the gradient reversal
 * @param lambdaCons weight of the consistency term
 * @param lambdaCls weight of the source classification term
 * @param logVarClip log σ² is clipped to [−clip, clip]
 * @param lambdaCycle weight of the latent cycle: the target→source translation, encoded again,
 *     must give back μ_t (0 disables it)
 * @param alignOn what the domain classifier reads behind the gradient reversal: {@code h} (the
 *     deep representation, as the paper states) or {@code mu} (the latent mean the label
 *     classifier reads)
 * @param lambdaMmd weight of an optional class-weighted multi-kernel MMD between the source and
 *     target values of what {@code align_on} names — DDC's alignment with the weighted MMD of
 *     Yan et al. (2017), an addition to the paper's formulation, not part of it; 0, the
 *     default, leaves it out (a run file written before the key existed reads as 0)
 * @param lambdaEnt weight of an optional conditional-entropy term on the label classifier's
 *     target predictions (entropy minimisation, as in VADA) — also an addition, not in the
 *     paper; 0, the default, leaves it out (a run file without the key reads as 0)
 * @param lambdaPseudo weight of an optional FixMatch term (Sohn et al. 2020): the label
 *     classifier's confident prediction on the clean target image becomes the label of the
 *     jittered one; the weight rises with DANN's λ_p schedule ({@code gamma}). An addition,
 *     not in the paper; 0, the default, leaves it out (a run file without the key reads as 0).
 *     Weight 0.1 with {@code distribution} alignment is the recommended configuration
 *     ({@code examples/cdlm-pseudo-long.yaml}). The default stays 0, the paper's formulation;
 *     at weights 1 and 0.3 the term made one USPS→MNIST target class drift into another late
 *     in training (docs/cdlm.md)
 * @param pseudoThreshold the least clean-view probability a pseudo-label needs (FixMatch's
 *     0.95 by default, also when a run file has no such key)
 * @param pseudoAlignment {@code none} (FixMatch) or {@code distribution}: the clean-view
 *     probabilities are aligned to the classifier's class distribution on the source batch
 *     before the threshold (AdaMatch's distribution alignment); a run file without the key
 *     reads as {@code none}
 * @param lambdaDiversity weight of an optional diversity term on the label classifier's
 *     target predictions: {@code KL(p̄ ‖ uniform)} of their batch mean (SHOT's diversity
 *     term, Liang et al. 2020), which resists whole classes vanishing from the target
 *     predictions. An addition, not in the paper, tried on MNIST↔USPS and not kept; 0, the
 *     default, leaves it out (a run file without the key reads as 0)
 */
public record CdlmConfig(int hidden, int latent, String modulation, String modulationSignal,
        String classifierInput, double beta, double lambdaRec, double lambdaAdv, double gamma,
        double lambdaCons, double lambdaCls, double logVarClip, double lambdaCycle,
        String alignOn, double lambdaMmd, double lambdaEnt, double lambdaPseudo,
        Double pseudoThreshold, String pseudoAlignment, Double lambdaDiversity) {

    /** The defaults. */
    public static final CdlmConfig DEFAULT = new CdlmConfig(512, 64, "noise", "standardize",
            "h", 1.0, 1.0, 0.1, 10.0, 1.0, 1.0, 6.0, 0.0, "h", 0.0, 0.0, 0.0, 0.95, "none", 0.0);

    /** Rejects invalid values with a message naming the key. */
    public CdlmConfig {
        pseudoThreshold = pseudoThreshold == null ? 0.95 : pseudoThreshold;
        pseudoAlignment = pseudoAlignment == null ? "none" : pseudoAlignment;
        lambdaDiversity = lambdaDiversity == null ? 0.0 : lambdaDiversity;
        check(hidden > 0, "hidden must be positive, got " + hidden);
        check(latent > 0, "latent must be positive, got " + latent);
        check(java.util.List.of("noise", "replace", "shift", "none").contains(modulation),
                "modulation must be noise, replace, shift or none, got '" + modulation + "'");
        check(java.util.List.of("standardize", "tanh").contains(modulationSignal),
                "modulation_signal must be standardize or tanh, got '" + modulationSignal + "'");
        check(java.util.List.of("modulated", "mu", "z", "h").contains(classifierInput),
                "classifier_input must be modulated, mu, z or h, got '" + classifierInput + "'");
        check(beta >= 0, "beta must be zero or positive, got " + beta);
        check(lambdaRec >= 0, "lambda_rec must be zero or positive, got " + lambdaRec);
        check(lambdaAdv >= 0, "lambda_adv must be zero or positive, got " + lambdaAdv);
        check(gamma > 0, "gamma must be positive, got " + gamma);
        check(lambdaCons >= 0, "lambda_cons must be zero or positive, got " + lambdaCons);
        check(lambdaCls > 0, "lambda_cls must be positive, got " + lambdaCls);
        check(logVarClip > 0, "log_var_clip must be positive, got " + logVarClip);
        check(lambdaCycle >= 0, "lambda_cycle must be zero or positive, got " + lambdaCycle);
        check("h".equals(alignOn) || "mu".equals(alignOn),
                "align_on must be h or mu, got '" + alignOn + "'");
        check(lambdaMmd >= 0, "lambda_mmd must be zero or positive, got " + lambdaMmd);
        check(lambdaEnt >= 0, "lambda_ent must be zero or positive, got " + lambdaEnt);
        check(lambdaPseudo >= 0, "lambda_pseudo must be zero or positive, got " + lambdaPseudo);
        check(pseudoThreshold > 0 && pseudoThreshold <= 1,
                "pseudo_threshold must be in (0, 1], got " + pseudoThreshold);
        check("none".equals(pseudoAlignment) || "distribution".equals(pseudoAlignment),
                "pseudo_alignment must be none or distribution, got '" + pseudoAlignment + "'");
        check(lambdaDiversity >= 0,
                "lambda_diversity must be zero or positive, got " + lambdaDiversity);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
