package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Forward passes in inference mode, for evaluation and translation. */
public final class Inference implements io.latentbridge.nn.Forward {

    private final ParameterStore store;
    private final NDManager manager;

    /** @param manager the manager that owns the outputs */
    public Inference(NDManager manager) {
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
    }

    /** @return the manager that owns the outputs */
    public NDManager manager() {
        return manager;
    }

    /**
     * @param block a block
     * @param input its input
     * @return its single output
     */
    @Override
    public NDArray forward(Block block, NDArray input) {
        return block.forward(store, new NDList(input), false).singletonOrThrow();
    }
}
