package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/** Runs a block on one input: in training mode inside a step, or in inference mode. */
@FunctionalInterface
public interface Forward {

    /**
     * @param block the block
     * @param input its input
     * @return its single output
     */
    NDArray forward(Block block, NDArray input);
}
