package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ReLU MLP whose output heads are gated: for the network's input {@code u} and last hidden
 * layer {@code h}, each head computes {@code (1 − g) ⊙ (W_u u) + g ⊙ Δ} with
 * {@code [Δ, g_logit] = W_h h} and {@code g = sigmoid(g_logit)}, optionally followed by a
 * softplus (for standard deviations). The gate lets a head fall back to an affine map of its
 * input, which keeps a small latent model close to linear where that suffices (the latent
 * translation paper's encoder and decoder).
 */
public final class GatedMlp {

    private final int input;
    private final int[] hidden;
    private final int[] heads;
    private final boolean[] softplus;
    private final Block trunk;
    private final List<Block> gateHeads = new ArrayList<>();
    private final List<Block> skipHeads = new ArrayList<>();

    /**
     * @param input the input width
     * @param hidden the hidden widths
     * @param heads each head's output width
     * @param softplus for each head, whether a softplus follows
     */
    public GatedMlp(int input, int[] hidden, int[] heads, boolean[] softplus) {
        if (hidden.length == 0 || heads.length == 0 || heads.length != softplus.length) {
            throw new IllegalArgumentException("a gated MLP needs hidden layers and one softplus"
                    + " flag per head");
        }
        this.input = input;
        this.hidden = hidden.clone();
        this.heads = heads.clone();
        this.softplus = softplus.clone();
        SequentialBlock t = new SequentialBlock();
        for (int h : hidden) {
            t.add(Linear.builder().setUnits(h).build()).add(Activation.reluBlock());
        }
        this.trunk = t;
        for (int width : heads) {
            gateHeads.add(Linear.builder().setUnits(2L * width).build());
            skipHeads.add(Linear.builder().setUnits(width).build());
        }
    }

    /** @return the blocks by name, for a parameter group */
    public Map<String, Block> blocks() {
        Map<String, Block> blocks = new LinkedHashMap<>();
        blocks.put("trunk", trunk);
        for (int i = 0; i < heads.length; i++) {
            blocks.put("head" + i + "_gate", gateHeads.get(i));
            blocks.put("head" + i + "_skip", skipHeads.get(i));
        }
        return blocks;
    }

    /** @param manager owner of the parameters */
    public void initialize(NDManager manager) {
        trunk.initialize(manager, DataType.FLOAT32, new Shape(1, input));
        for (int i = 0; i < heads.length; i++) {
            gateHeads.get(i).initialize(manager, DataType.FLOAT32,
                    new Shape(1, hidden[hidden.length - 1]));
            skipHeads.get(i).initialize(manager, DataType.FLOAT32, new Shape(1, input));
        }
    }

    /**
     * @param f training or inference forward passes
     * @param u the input {@code N×input}
     * @return each head's output {@code N×width}
     */
    public List<NDArray> forward(Forward f, NDArray u) {
        NDArray h = f.forward(trunk, u);
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < heads.length; i++) {
            NDArray both = f.forward(gateHeads.get(i), h);
            NDArray delta = both.get(":, :" + heads[i]);
            NDArray gate = Activation.sigmoid(both.get(":, " + heads[i] + ":"));
            NDArray skip = f.forward(skipHeads.get(i), u);
            NDArray o = skip.mul(gate.neg().add(1f)).add(delta.mul(gate));
            out.add(softplus[i] ? Activation.softPlus(o) : o);
        }
        return out;
    }
}
