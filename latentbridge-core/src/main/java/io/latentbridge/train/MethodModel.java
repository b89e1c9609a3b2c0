package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * The networks of one method, and its training step. Everything else — batches, the loop,
 * schedules, logging, evaluation, checkpoints, the run directory — is the engine's.
 */
public interface MethodModel extends Trainable {

    /**
     * @param inference forward passes in inference mode
     * @param images images {@code N×C×S×S}
     * @return class logits {@code N×K}
     */
    NDArray classify(Inference inference, NDArray images);

    /**
     * Deep features used by analyses (t-SNE, A-distance): what the classifier reads.
     *
     * @param inference forward passes in inference mode
     * @param images images
     * @return features {@code N×F}
     */
    NDArray features(Inference inference, NDArray images);

    /** @return the cross-domain latent modulation, for methods that have one (CDLM) */
    default Optional<LatentModulation> modulation() {
        return Optional.empty();
    }

    /** @return the image translation this method can do, if any */
    default Optional<ImageTranslation> translation() {
        return Optional.empty();
    }
}
