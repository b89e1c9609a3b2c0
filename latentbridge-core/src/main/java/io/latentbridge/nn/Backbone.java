package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classification backbone the discriminative methods share (source-only, DANN, DDC): the
 * conv encoder, a linear bottleneck of CDLM's latent width (CDLM's μ head plays this role), and a
 * linear classifier. Sharing it means a comparison between methods changes only the method.
 */
public final class Backbone {

    private final int hidden;
    private final int latent;
    private final Block encoder;
    private final Block bottleneck;
    private final Block classifier;

    /**
     * @param hidden encoder width H
     * @param latent bottleneck width
     * @param classes number of classes
     */
    public Backbone(int hidden, int latent, int classes) {
        this.hidden = hidden;
        this.latent = latent;
        encoder = Networks.convEncoder(hidden);
        bottleneck = Networks.linear(latent);
        classifier = Networks.linear(classes);
    }

    /** @return the blocks by name, for a parameter group */
    public Map<String, Block> blocks() {
        Map<String, Block> blocks = new LinkedHashMap<>();
        blocks.put("encoder", encoder);
        blocks.put("bottleneck", bottleneck);
        blocks.put("classifier", classifier);
        return blocks;
    }

    /**
     * @param manager owner of the parameters
     * @param channels image channels
     * @param size image side
     */
    public void initialize(NDManager manager, int channels, int size) {
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, channels, size, size));
        bottleneck.initialize(manager, DataType.FLOAT32, new Shape(1, hidden));
        classifier.initialize(manager, DataType.FLOAT32, new Shape(1, latent));
    }

    /** @return the bottleneck features the classifier reads */
    public NDArray features(Forward f, NDArray images) {
        return f.forward(bottleneck, f.forward(encoder, images));
    }

    /** @return class logits of features */
    public NDArray classify(Forward f, NDArray features) {
        return f.forward(classifier, features);
    }
}
