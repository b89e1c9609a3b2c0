package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of a model's trainable parameters (Polyak averaging, as the
 * evaluation model of VADA/DIRT-T and Mean Teacher use it). After update t the average moves
 * towards the weights by {@code 1 − d_t} with {@code d_t = min(decay, (1 + t) / (10 + t))}: the
 * warm-up keeps the first updates from being dominated by the random initialisation.
 *
 * <p>Why: under the DANN schedule a model's target accuracy still moves by half a point between
 * nearby steps late in training (docs/RESULTS.md); the average of the last few thousand steps is
 * a smoother model, chosen without any label. The training itself is unchanged: the optimizer
 * keeps updating the raw weights; {@link #swap} exchanges them with the average when a candidate
 * is written and at the end.
 */
final class WeightAverage {

    private final double decay;
    private final List<ParameterGroup> groups;
    private final Map<String, NDArray> shadow = new LinkedHashMap<>();
    private int updates;

    /**
     * @param decay the largest decay, in (0, 1)
     * @param groups the groups whose trainable parameters are averaged
     */
    WeightAverage(double decay, List<ParameterGroup> groups) {
        this.decay = decay;
        this.groups = List.copyOf(groups);
    }

    /** @return the decay used at update {@code t} (1-based) */
    double decayAt(int t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** Moves the average towards the current weights (call after each optimizer step). */
    void update() {
        updates++;
        float d = (float) decayAt(updates);
        forEach((key, weight) -> {
            try (NDArray w = weight.stopGradient()) {
                NDArray s = shadow.get(key);
                if (s == null) {
                    shadow.put(key, w.duplicate());
                } else {
                    s.muli(d);
                    try (NDArray part = w.mul(1f - d)) {
                        s.addi(part);
                    }
                }
            }
        });
    }

    /**
     * Exchanges the weights and the average in place: called twice, everything is back as it
     * was. Does nothing before the first update.
     */
    void swap() {
        if (shadow.isEmpty()) {
            return;
        }
        forEach((key, weight) -> {
            NDArray s = shadow.get(key);
            try (NDArray w = weight.stopGradient(); NDArray old = w.duplicate()) {
                w.muli(0f).addi(s);
                s.muli(0f).addi(old);
            }
        });
    }

    private void forEach(java.util.function.BiConsumer<String, NDArray> action) {
        for (ParameterGroup g : groups) {
            for (Pair<String, Parameter> p : g.parameters()) {
                if (p.getValue().requiresGradient()) {
                    action.accept(g.name() + "." + p.getKey(), p.getValue().getArray());
                }
            }
        }
    }

    /**
     * Writes the update count and the average (for exact resume from a checkpoint).
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(updates);
        out.writeInt(shadow.size());
        for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
            out.writeUTF(e.getKey());
            byte[] bytes = e.getValue().encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /**
     * Replaces the state with one written by {@link #write}.
     *
     * @param in the stream
     * @param manager owner of the arrays (the parameters' manager)
     * @throws IOException when reading fails
     */
    void read(DataInputStream in, NDManager manager) throws IOException {
        shadow.values().forEach(NDArray::close);
        shadow.clear();
        updates = in.readInt();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            shadow.put(key, manager.decode(bytes));
        }
    }
}
