package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * What a method's training step can use: a per-step memory scope, forward passes, random
 * normals from the engine's seeded generator, and {@link #minimize} to back-propagate a loss and
 * step some parameter groups.
 */
public final class StepContext implements io.latentbridge.nn.Forward {

    private final NDManager manager;
    private final ParameterStore store;
    private final GradientCollector collector;
    private final List<ParameterGroup> allGroups;
    private final int step;
    private final double progress;
    private final NDArray cleanTarget;

    StepContext(NDManager manager, ParameterStore store, GradientCollector collector,
            List<ParameterGroup> allGroups, int step, double progress, NDArray cleanTarget) {
        this.manager = manager;
        this.store = store;
        this.collector = collector;
        this.allGroups = allGroups;
        this.step = step;
        this.progress = progress;
        this.cleanTarget = cleanTarget;
    }

    /** @return the manager that owns this step's arrays; closed when the step ends */
    public NDManager manager() {
        return manager;
    }

    /** @return the step number, from 1 */
    public int step() {
        return step;
    }

    /**
     * @return the step's target images without the jitter
     * @throws IllegalStateException when the model did not ask for them
     *     ({@link Trainable#wantsCleanTarget()})
     */
    public NDArray cleanTarget() {
        if (cleanTarget == null) {
            throw new IllegalStateException("no clean target view: the model must ask for it"
                    + " with wantsCleanTarget()");
        }
        return cleanTarget;
    }

    /** @return training progress in [0, 1] */
    public double progress() {
        return progress;
    }

    /**
     * Runs a block in training mode.
     *
     * @param block the block
     * @param input its input
     * @return its (single) output
     */
    @Override
    public NDArray forward(Block block, NDArray input) {
        return block.forward(store, new NDList(input), true).singletonOrThrow();
    }

    /**
     * @param shape the shape
     * @return standard normal noise from the engine's seeded generator
     */
    public NDArray normal(Shape shape) {
        return manager.randomNormal(shape);
    }

    /**
     * Back-propagates a loss and applies one optimizer step to the given groups. Afterwards the
     * gradients of <em>every</em> group are zero, so an adversarial method's phases never leak
     * gradients into each other.
     *
     * @param loss a scalar loss
     * @param groups the groups to update
     */
    public void minimize(NDArray loss, ParameterGroup... groups) {
        // name the loss before its gradients: a NaN loss is the more useful message
        if (!Float.isFinite(loss.getFloat())) {
            throw new DivergenceException("the total loss", step);
        }
        collector.backward(loss);
        for (ParameterGroup g : groups) {
            String bad = g.firstNonFiniteGradient(manager);
            if (bad != null) {
                throw new DivergenceException("gradient of " + bad, step);
            }
        }
        for (ParameterGroup g : groups) {
            g.update();
        }
        for (ParameterGroup g : allGroups) {
            g.zeroGradients();
        }
    }
}
