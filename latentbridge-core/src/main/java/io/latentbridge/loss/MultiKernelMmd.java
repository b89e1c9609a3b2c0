package io.latentbridge.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.latentbridge.nn.Scalars;

/**
 * Squared maximum mean discrepancy with a sum of Gaussian kernels (DDC/DAN's multi-kernel MMD).
 *
 * <p>{@code k(x, y) = Σ_a exp(−‖x − y‖² / (2 σ_a²))} with {@code σ_a² = a · mean_{i,j} ‖z_i − z_j‖²}
 * over the joint batch {@code z = [s; t]} (the mean is not differentiated through), and
 * {@code MMD² = mean K(s,s) + mean K(t,t) − 2 mean K(s,t)} — the biased estimator, diagonal
 * included, as in the Transfer-Learning-Library. Default multipliers {@code a = 2^k, k = −3…1}.
 *
 * <p>{@link #apply(NDArray, NDArray, NDArray)} weights the source points (the weighted MMD of
 * Yan et al. 2017): {@code MMD² = wᵀK(s,s)w + mean K(t,t) − 2 mean_j (wᵀK(s,t))_j} with
 * {@code Σ w = 1}; uniform weights {@code 1/n} give the unweighted form exactly.
 */
public final class MultiKernelMmd {

    /** The floor of the mean squared distance that scales every bandwidth. */
    static final float MIN_BANDWIDTH = 1e-12f;

    private final double[] multipliers;

    /** @param multipliers the bandwidth multipliers {@code a} */
    public MultiKernelMmd(double... multipliers) {
        this.multipliers = multipliers.clone();
    }

    /** @return the default kernel family, {@code a ∈ {1/8, 1/4, 1/2, 1, 2}} */
    public static MultiKernelMmd standard() {
        return new MultiKernelMmd(0.125, 0.25, 0.5, 1, 2);
    }

    /**
     * @param source {@code n×F} source features
     * @param target {@code n×F} target features (same count)
     * @return the scalar MMD²
     */
    public NDArray apply(NDArray source, NDArray target) {
        return apply(source, target, null);
    }

    /**
     * @param source {@code n×F} source features
     * @param target {@code n×F} target features (same count)
     * @param sourceWeights {@code n} non-negative source weights summing to 1 (constants: not
     *     differentiated through), or {@code null} for uniform
     * @return the scalar weighted MMD²
     */
    public NDArray apply(NDArray source, NDArray target, NDArray sourceWeights) {
        long n = source.getShape().get(0);
        NDArray z = NDArrays.concat(new NDList(source, target), 0);
        NDArray sq = z.square().sum(new int[] {1}, true);
        NDArray cross = Scalars.mul(z.matMul(z.transpose()), 2f);
        NDArray d2 = Scalars.maximum(sq.add(sq.transpose()).sub(cross), 0f);
        // a batch whose features have all collapsed onto one point has mean distance 0: the
        // floor keeps its kernels at exp(0) = 1 (MMD² 0) instead of 0/0
        float base = Math.max(d2.mean().stopGradient().getFloat(), MIN_BANDWIDTH);
        NDArray kernel = null;
        for (double a : multipliers) {
            NDArray k = Scalars.div(d2, (float) (-2.0 * a * base)).exp();
            kernel = kernel == null ? k : kernel.add(k);
        }
        NDArray kss = kernel.get(new NDIndex(":{}, :{}", n, n));
        NDArray kst = kernel.get(new NDIndex(":{}, {}:", n, n));
        NDArray tt = kernel.get(new NDIndex("{}:, {}:", n, n)).mean();
        NDArray ss;
        NDArray st;
        if (sourceWeights == null) {
            ss = kss.mean();
            st = kst.mean();
        } else {
            NDArray w = sourceWeights.stopGradient().reshape(1, n);
            ss = w.matMul(kss).matMul(w.transpose()).reshape();
            st = w.matMul(kst).mean();
        }
        return ss.add(tt).sub(Scalars.mul(st, 2f));
    }
}
