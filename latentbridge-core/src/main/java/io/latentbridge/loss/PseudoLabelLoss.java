package io.latentbridge.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Confidence-thresholded pseudo-labelling across two views of the same unlabelled images, the
 * unlabelled term of FixMatch (Sohn et al. 2020): the prediction on the clean (weakly
 * augmented) view, where its largest probability reaches the threshold, becomes a hard label
 * for the prediction on the jittered (strongly augmented) view.
 *
 * <p>The loss is {@code (1/N) Σ_i 1[max_k p_ik ≥ τ] · CE(q_i, argmax_k p_ik)} with
 * {@code p = softmax(weak)} (no gradient: the labels are constants) and {@code q} the jittered
 * view's logits. Like FixMatch it divides by the batch size N, not by the number of accepted
 * images, so the term grows as the classifier becomes confident on the target; images below the
 * threshold contribute nothing, which is what keeps a poorly aligned start from reinforcing its
 * errors (plain entropy minimisation has no such gate).
 *
 * <p>Optionally the clean-view probabilities are first aligned to the source's class
 * distribution, AdaMatch's distribution alignment (Berthelot et al. 2021):
 * {@code p̃_i = normalise(p_i ⊙ mean_j s_j / mean_j p_j)}, with {@code s} the classifier's
 * softmax on the source batch. A class the target predictions are losing is scaled up before
 * the threshold, which counters the collapse where pseudo-labels feed on their own class
 * imbalance. All of it is a constant for the gradient.
 */
public final class PseudoLabelLoss {

    /** The loss and the fraction of images whose pseudo-label was accepted. */
    public record Result(NDArray loss, NDArray acceptedFraction) {}

    private final double threshold;

    /**
     * @param threshold τ in (0, 1]: the least clean-view probability a pseudo-label needs
     */
    public PseudoLabelLoss(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * @param jittered {@code N×K} logits of the jittered view (the gradient flows here)
     * @param clean {@code N×K} logits of the clean view (treated as constants)
     * @return the loss and the accepted fraction
     */
    public Result apply(NDArray jittered, NDArray clean) {
        return labelWith(jittered, clean.stopGradient().softmax(1));
    }

    /**
     * The same with the clean-view probabilities aligned to the source's predicted class
     * distribution first.
     *
     * @param jittered {@code N×K} logits of the jittered view (the gradient flows here)
     * @param clean {@code N×K} logits of the clean view (treated as constants)
     * @param source {@code M×K} the classifier's logits on a source batch (treated as constants)
     * @return the loss and the accepted fraction
     */
    public Result applyAligned(NDArray jittered, NDArray clean, NDArray source) {
        NDArray p = clean.stopGradient().softmax(1);
        NDArray ratio = source.stopGradient().softmax(1).mean(new int[] {0}, true)
                .div(p.mean(new int[] {0}, true));
        NDArray aligned = p.mul(ratio);
        return labelWith(jittered, aligned.div(aligned.sum(new int[] {1}, true)));
    }

    private Result labelWith(NDArray jittered, NDArray p) {
        NDArray confidence = p.max(new int[] {1});
        NDArray accepted = confidence.gte((float) threshold).toType(DataType.FLOAT32, false);
        NDArray perImage = Losses.crossEntropyPerItem(jittered, p.argMax(1));
        return new Result(perImage.mul(accepted).mean(), accepted.mean());
    }
}
