package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import io.latentbridge.train.Schedule;

/**
 * The gradient-reversal layer of DANN: identity in the forward pass, gradient multiplied by
 * {@code −λ} in the backward pass.
 *
 * <p>DJL's PyTorch engine has no custom backward, so the layer is built from differentiable
 * parts: {@code −λ·x + stopGradient((1 + λ)·x)}. Its value is {@code x}; only the first term
 * carries a gradient, {@code −λ}. The layer owns its λ schedule (as in the Transfer-Learning
 * Library), so callers pass training progress, not λ.
 */
public final class GradientReversal {

    private final Schedule lambda;

    /** @param lambda λ as a function of training progress */
    public GradientReversal(Schedule lambda) {
        this.lambda = lambda;
    }

    /**
     * @param progress training progress in [0, 1]
     * @return the λ in force at that progress
     */
    public float lambda(double progress) {
        return (float) lambda.value(progress);
    }

    /**
     * Applies the layer.
     *
     * @param x the features
     * @param progress training progress in [0, 1]
     * @return {@code x}, whose gradient is reversed and scaled by λ
     */
    public NDArray apply(NDArray x, double progress) {
        return reverse(x, lambda(progress));
    }

    /**
     * Applies the layer with an explicit λ.
     *
     * @param x the features
     * @param lambda the scale of the reversed gradient
     * @return {@code x}, whose gradient is {@code −λ} times the incoming one
     */
    public static NDArray reverse(NDArray x, float lambda) {
        // the stopped branch is never differentiated; the other goes through Scalars (see there)
        return Scalars.mul(x, -lambda).add(x.mul(1f + lambda).stopGradient());
    }
}
