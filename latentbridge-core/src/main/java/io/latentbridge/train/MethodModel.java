package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The networks of one method, and its training step. Everything else — batches, the loop,
 * schedules, logging, evaluation, checkpoints, the run directory — is the engine's.
 */
public interface MethodModel {

    /** @return the parameter groups; each gets its own optimizer */
    List<ParameterGroup> groups();

    /**
     * Initialises every block's parameters (from the engine's seeded generator).
     *
     * @param manager the manager that owns the parameters
     */
    void initialize(NDManager manager);

    /**
     * One training step: forward, losses, and {@link StepContext#minimize} for each update.
     *
     * @param ctx the step's context
     * @param source source images {@code B×C×S×S}
     * @param labels source labels {@code B}
     * @param target target images {@code B×C×S×S} (unlabelled)
     * @return each loss term, and any diagnostic (λ, domain-classifier accuracy), by name
     */
    Map<String, Double> step(StepContext ctx, NDArray source, NDArray labels, NDArray target);

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
