package io.latentbridge.eval;

import java.util.Set;

/**
 * A candidate model's outputs on the data a validator declared, and nothing else: asking for a
 * view that was not declared fails, so a validator cannot read more than it said it would.
 */
public final class CandidateOutputs {

    /**
     * A model's outputs on one set of images.
     *
     * @param logits {@code n×C} class logits
     * @param features {@code n×F} the features the classifier reads
     */
    public record Outputs(float[][] logits, float[][] features) {}

    private final Set<ValidationView> declared;
    private final Outputs sourceValidation;
    private final int[] sourceLabels;
    private final Outputs target;
    private double[] importanceWeights;

    /**
     * @param declared the views the validator declared
     * @param sourceValidation outputs on the held-out source slice (null when not declared)
     * @param sourceLabels its labels (null when not declared)
     * @param target outputs on unlabelled target images (null when not declared)
     */
    public CandidateOutputs(Set<ValidationView> declared, Outputs sourceValidation,
            int[] sourceLabels, Outputs target) {
        this.declared = Set.copyOf(declared);
        this.sourceValidation = sourceValidation;
        this.sourceLabels = sourceLabels;
        this.target = target;
    }

    private void require(ValidationView view) {
        if (!declared.contains(view)) {
            throw new IllegalStateException("the validator did not declare " + view);
        }
    }

    /** @return outputs on the held-out source slice */
    public Outputs sourceValidation() {
        require(ValidationView.SOURCE_VALIDATION);
        return sourceValidation;
    }

    /** @return the held-out source slice's labels */
    public int[] sourceLabels() {
        require(ValidationView.SOURCE_VALIDATION);
        return sourceLabels;
    }

    /** @return outputs on unlabelled target images */
    public Outputs target() {
        require(ValidationView.TARGET_UNLABELLED);
        return target;
    }

    /**
     * Importance weights p_t(x)/p_s(x) of the source-validation items, fitted once and shared
     * by every validator that reads these outputs (IWV and DEV use the same weights).
     *
     * @param manager for the domain classifier's fit
     * @return one weight per source-validation item
     */
    public double[] importanceWeights(ai.djl.ndarray.NDManager manager) {
        if (importanceWeights == null) {
            importanceWeights = ImportanceWeights.estimate(sourceValidation().features(),
                    target().features(), manager);
        }
        return importanceWeights;
    }
}
