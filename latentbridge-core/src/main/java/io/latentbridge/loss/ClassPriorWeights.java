package io.latentbridge.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.latentbridge.nn.Scalars;

/**
 * Source-image weights that give a source batch the class mix predicted for a target batch,
 * for the weighted MMD of Yan et al. (2017): {@code w_i ∝ p̂_t(y_i) / n_s(y_i)}, where
 * {@code p̂_t} is the target batch's mean softmax (not differentiated: the weights are
 * constants of the step) and {@code n_s(c)} the source batch's count of class c.
 *
 * <p>Why: an MMD (or any marginal alignment) between domains whose class proportions differ
 * pulls target features of an over-represented class towards other classes. No target label
 * enters: the target share is the classifier's prediction.
 */
public final class ClassPriorWeights {

    private ClassPriorWeights() {}

    /**
     * @param sourceLabels {@code n} source class indices
     * @param targetLogits {@code m×C} the classifier's logits on the target batch
     * @return {@code n} non-negative weights summing to 1; a class the source batch lacks
     *     contributes nothing and the rest are renormalised
     */
    public static NDArray forSource(NDArray sourceLabels, NDArray targetLogits) {
        int classes = (int) targetLogits.getShape().get(1);
        NDArray prior = targetLogits.stopGradient().softmax(1).mean(new int[] {0});
        NDArray onehot = sourceLabels.toType(DataType.INT64, false).oneHot(classes)
                .toType(DataType.FLOAT32, false);
        NDArray counts = Scalars.maximum(onehot.sum(new int[] {0}), 1f);
        NDArray w = onehot.matMul(prior.div(counts));
        return w.div(w.sum());
    }
}
