package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam or SGD-with-momentum whose whole state — the moments of every parameter and the update
 * count — can be written into a checkpoint and read back, so a resumed run continues exactly.
 *
 * <p>DJL's own {@code Adam} and {@code Sgd} keep that state private. These call the same fused
 * engine updates with the same arguments (so the numbers are DJL's), but own their state, keyed
 * by the parameter's stable name instead of its per-process id.
 */
public final class ResumableOptimizer extends Optimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final Kind kind;
    private final ParameterTracker rate;
    private final float momentum;
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int updates;

    /** Which update rule. */
    public enum Kind {
        /** Adam (β1 0.9, β2 0.999, ε 1e-8), DJL's defaults. */
        ADAM,
        /** SGD with momentum. */
        SGD
    }

    private ResumableOptimizer(Kind kind, ParameterTracker rate, float momentum) {
        super(new NoOptions());
        this.kind = kind;
        this.rate = rate;
        this.momentum = momentum;
    }

    /**
     * @param rate learning rate as a function of the update count
     * @return Adam
     */
    public static ResumableOptimizer adam(ParameterTracker rate) {
        return new ResumableOptimizer(Kind.ADAM, rate, 0);
    }

    /**
     * @param rate learning rate as a function of the update count
     * @param momentum the momentum
     * @return SGD with momentum
     */
    public static ResumableOptimizer sgd(ParameterTracker rate, float momentum) {
        return new ResumableOptimizer(Kind.SGD, rate, momentum);
    }

    /** The update count as DJL's optimizers define it: the largest count of any parameter. */
    private int count(String name) {
        int c = counts.merge(name, 1, Integer::sum);
        updates = Math.max(updates, c);
        return updates;
    }

    @Override
    public void update(String name, NDArray weight, NDArray grad) {
        int t = count(name);
        float lr = rate.getNewValue(name, t);
        if (kind == Kind.ADAM) {
            NDArray[] moments = state.computeIfAbsent(name,
                    k -> new NDArray[] {weight.zerosLike(), weight.zerosLike()});
            double correction1 = 1 - Math.pow(BETA1, t);
            double correction2 = 1 - Math.pow(BETA2, t);
            float corrected = (float) (lr * Math.sqrt(correction2) / correction1);
            weight.getNDArrayInternal().adamUpdate(
                    new NDList(weight, grad, moments[0], moments[1]), new NDList(weight), lr,
                    corrected, 0f, rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
        } else {
            NDArray[] velocity = state.computeIfAbsent(name,
                    k -> new NDArray[] {weight.zerosLike()});
            weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad, velocity[0]),
                    new NDList(weight), lr, 0f, rescaleGrad, clipGrad, momentum, true);
        }
    }

    /** @return the number of updates made so far */
    public int updates() {
        return updates;
    }

    /**
     * Writes the state.
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(kind.name());
        out.writeInt(updates);
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(state.size());
        for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (NDArray a : e.getValue()) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * Replaces the state with one written by {@link #write}.
     *
     * @param in the stream
     * @param manager owner of the moment arrays (the parameters' manager)
     * @throws IOException when the stream is not such a state, or for another optimizer
     */
    public void read(DataInputStream in, NDManager manager) throws IOException {
        String written = in.readUTF();
        if (!kind.name().equals(written)) {
            throw new IOException("optimizer state is for " + written + ", the run uses " + kind);
        }
        updates = in.readInt();
        counts.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            counts.put(in.readUTF(), in.readInt());
        }
        state.clear();
        int m = in.readInt();
        for (int i = 0; i < m; i++) {
            String name = in.readUTF();
            NDArray[] arrays = new NDArray[in.readInt()];
            for (int j = 0; j < arrays.length; j++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                arrays[j] = manager.decode(bytes);
            }
            state.put(name, arrays);
        }
    }

    /** DJL's base class wants a builder; these optimizers take no base options. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
