package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * What the {@link TrainingLoop} trains: parameter groups, their initialisation and one training
 * step. A transfer method ({@link MethodModel}) is one; so are the pretrained base models and
 * the latent bridge of {@code io.latentbridge.method.bridge}, which train on other batches
 * (one domain's images, or two domains' latent codes) through the same loop.
 */
public interface Trainable {

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
     * What the arrays hold is the {@link BatchSource}'s business: for a transfer method, source
     * images, source labels and unlabelled target images.
     *
     * @param ctx the step's context
     * @param source the first domain's batch
     * @param labels its labels
     * @param target the second domain's batch, or null when training on one domain
     * @return each loss term, and any diagnostic (λ, domain-classifier accuracy), by name
     */
    Map<String, Double> step(StepContext ctx, NDArray source, NDArray labels, NDArray target);

    /**
     * Whether the step needs the target images also without the jitter (a consistency loss
     * between a clean and a jittered view, as in FixMatch); they reach the step through
     * {@link StepContext#cleanTarget()}. Making them draws no random numbers, so the answer
     * does not change the run's other draws.
     *
     * @return false unless overridden
     */
    default boolean wantsCleanTarget() {
        return false;
    }
}
