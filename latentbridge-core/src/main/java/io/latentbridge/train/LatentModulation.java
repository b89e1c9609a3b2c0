package io.latentbridge.train;

import ai.djl.ndarray.NDArray;

/** A model whose latent means can be modulated by the other domain (CDLM's transfer means). */
public interface LatentModulation {

    /**
     * The transfer mean of images modulated by as many images of the other domain, e.g.
     * {@code μ_st = μ_s + σ_s ⊙ m_t}.
     *
     * @param inference forward passes in inference mode
     * @param images images of one domain
     * @param other as many images of the other domain
     * @return {@code N×Z}
     */
    NDArray transferMean(Inference inference, NDArray images, NDArray other);

    /**
     * The plain latent mean μ of images, the counterpart of {@link #transferMean}.
     *
     * @param inference forward passes in inference mode
     * @param images images of one domain
     * @return {@code N×Z}
     */
    NDArray plainMean(Inference inference, NDArray images);
}
