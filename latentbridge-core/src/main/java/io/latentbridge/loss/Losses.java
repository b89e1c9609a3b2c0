package io.latentbridge.loss;

import ai.djl.ndarray.NDArray;
import io.latentbridge.nn.Scalars;

/**
 * Loss functions as plain formulas over NDArrays, each tested against a direct computation.
 * All return scalars averaged over the batch.
 */
public final class Losses {

    private Losses() {}

    /**
     * Softmax cross-entropy.
     *
     * @param logits {@code N×K}
     * @param labels {@code N} integer labels (any numeric type)
     * @return {@code mean_i −log softmax(logits_i)[y_i]}
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return crossEntropyPerItem(logits, labels).mean();
    }

    /**
     * Softmax cross-entropy of each item, for losses that weight or mask items.
     *
     * @param logits {@code N×K}
     * @param labels {@code N} integer labels (any numeric type)
     * @return {@code N} values {@code −log softmax(logits_i)[y_i]}
     */
    public static NDArray crossEntropyPerItem(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        NDArray onehot = labels.toType(ai.djl.ndarray.types.DataType.INT64, false)
                .oneHot((int) logits.getShape().get(1));
        return logp.mul(onehot).sum(new int[] {1}).neg();
    }

    /**
     * Conditional entropy of a classifier's predictions, the target term of entropy
     * minimisation (Grandvalet and Bengio 2005; VADA, Shu et al. 2018): it pushes decision
     * boundaries away from dense regions of unlabelled data.
     *
     * @param logits {@code N×K}
     * @return {@code mean_i −Σ_k p_ik log p_ik} with {@code p_i = softmax(logits_i)}
     */
    public static NDArray conditionalEntropy(NDArray logits) {
        NDArray logp = logits.logSoftmax(1);
        return logp.exp().mul(logp).sum(new int[] {1}).neg().mean();
    }

    /**
     * How far a classifier's mean prediction over a batch is from the uniform class
     * distribution, {@code KL(p̄ ‖ u)}: the diversity term of information maximisation (SHOT,
     * Liang et al. 2020, where it is {@code Σ_k p̄_k log p̄_k}; the constant {@code log K} added
     * here makes it zero at the uniform distribution and never negative). Its gradient is
     * largest for a class whose share tends to zero, which is what resists a collapse where
     * whole classes vanish from the predictions, and small near the uniform distribution. It
     * also pulls predictions off the frequent classes of a target that is not uniform: on
     * USPS (18 % zeros) CDLM lost nine points with it, on one seed (docs/cdlm.md, "A fourth
     * addition").
     *
     * @param logits {@code N×K}
     * @return {@code log K + Σ_k p̄_k log p̄_k} with {@code p̄ = mean_i softmax(logits_i)}
     */
    public static NDArray marginalDivergenceFromUniform(NDArray logits) {
        NDArray mean = logits.softmax(1).mean(new int[] {0});
        // ε keeps log finite for a class no image in the batch predicts
        NDArray plogp = mean.mul(mean.add(1e-8f).log()).sum();
        return plogp.add((float) Math.log(logits.getShape().get(1)));
    }

    /**
     * Binary cross-entropy on logits, stable form {@code max(x,0) − x·y + log(1 + e^{−|x|})} (the exponent is at most 0, so no overflow).
     *
     * @param logits any shape
     * @param targets same shape, values in [0, 1]
     * @return the mean over all elements
     */
    public static NDArray binaryCrossEntropyWithLogits(NDArray logits, NDArray targets) {
        return Scalars.maximum(logits, 0f).sub(logits.mul(targets))
                .add(logits.abs().neg().exp().add(1f).log()).mean();
    }

    /**
     * KL divergence of {@code N(μ, σ²)} from {@code N(0, I)}, summed over latent dimensions.
     *
     * @param mu {@code N×Z}
     * @param logVar {@code N×Z}, log σ²
     * @return {@code mean_i Σ_j ½(μ² + σ² − log σ² − 1)}
     */
    public static NDArray gaussianKl(NDArray mu, NDArray logVar) {
        NDArray perItem = mu.square().add(logVar.exp()).sub(logVar).sub(1f).sum(new int[] {1});
        return Scalars.mul(perItem, 0.5f).mean();
    }

    /**
     * Mean squared error.
     *
     * @param a any shape
     * @param b same shape
     * @return the mean of {@code (a − b)²}
     */
    public static NDArray mse(NDArray a, NDArray b) {
        return a.sub(b).square().mean();
    }

    /**
     * Accuracy of a binary classifier given as logits (positive logit = class 1).
     *
     * @param logits any shape
     * @param labels same shape, 0 or 1
     * @return the fraction of elements where {@code (logit > 0) == label}
     */
    public static NDArray binaryAccuracy(NDArray logits, NDArray labels) {
        return logits.gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .eq(labels).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mean();
    }

    /**
     * Scale-invariant MSE of DSN (Bousmalis et al. 2016, after Eigen et al. 2014), per image:
     * {@code (1/k)·‖d‖² − (1/k²)·(Σ d)²} with {@code d = x − x̂} over the image's k values, then
     * averaged over the batch. The second term is <em>subtracted</em>: an error that is a constant
     * shift of the whole image costs nothing (public reimplementations disagree on this sign; the
     * paper's equation subtracts).
     *
     * @param reconstruction {@code N×…}
     * @param images same shape
     * @return the scalar loss
     */
    public static NDArray scaleInvariantMse(NDArray reconstruction, NDArray images) {
        long n = images.getShape().get(0);
        NDArray d = images.sub(reconstruction).reshape(n, -1);
        float k = d.getShape().get(1);
        NDArray mse = Scalars.div(d.square().sum(new int[] {1}), k);
        NDArray shift = Scalars.div(d.sum(new int[] {1}).square(), k * k);
        return mse.sub(shift).mean();
    }

    /**
     * DSN's difference loss between shared and private codes of one domain:
     * {@code ‖Ĥ_cᵀ Ĥ_p‖²_F / (Z_c·Z_p)}, where each code matrix ({@code N×Z}) has its rows centred
     * over the batch (column means removed) and each row scaled to unit L2 norm. Dividing by the
     * number of entries (the mean of the squared correlations) is what the authors'
     * implementation does, and what its loss weights (β ≈ 0.05–0.1) are calibrated for; the
     * plain sum is ~4,000× larger at Z = 64 and swamps the task loss.
     *
     * @param shared {@code N×Z} shared codes
     * @param privateCodes {@code N×Z'} private codes
     * @return the scalar loss
     */
    public static NDArray difference(NDArray shared, NDArray privateCodes) {
        NDArray c = normaliseRows(shared);
        NDArray p = normaliseRows(privateCodes);
        return c.transpose().matMul(p).square().mean();
    }

    private static NDArray normaliseRows(NDArray x) {
        NDArray centred = x.sub(x.mean(new int[] {0}, true));
        return centred.div(centred.square().sum(new int[] {1}, true).sqrt().add(1e-6f));
    }
}
