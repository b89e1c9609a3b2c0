package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * Where the {@link TrainingLoop}'s batches come from: an endless, seeded stream. Its order must
 * be a function of the seed alone, so that a resumed run can {@link #skip} to where it stopped.
 */
public interface BatchSource {

    /**
     * One step's arrays.
     *
     * @param source the first domain's batch
     * @param labels its labels
     * @param target the second domain's batch, or null for single-domain training
     * @param cleanTarget the same target images without the jitter, or null unless the model
     *     {@linkplain Trainable#wantsCleanTarget() asked} for them
     */
    record Batch(NDArray source, NDArray labels, NDArray target, NDArray cleanTarget) {

        /**
         * A batch without a clean target view.
         *
         * @param source the first domain's batch
         * @param labels its labels
         * @param target the second domain's batch, or null
         */
        public Batch(NDArray source, NDArray labels, NDArray target) {
            this(source, labels, target, null);
        }
    }

    /** @return items the step sees (both domains together), for images/s */
    int itemsPerStep();

    /** Advances by one batch without making arrays (replaying a resumed run). */
    void skip();

    /**
     * Makes the next batch. The engine's generator has been seeded for the step, so noise drawn
     * from {@code manager} is reproducible too.
     *
     * @param manager the step's manager, owner of the arrays
     * @param random the step's own generator (jitter)
     * @return the batch
     */
    Batch next(NDManager manager, SplittableRandom random);
}
