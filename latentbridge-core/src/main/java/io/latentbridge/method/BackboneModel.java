package io.latentbridge.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.nn.Backbone;
import io.latentbridge.train.Inference;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part every discriminative method shares: the {@link Backbone} plus any extra blocks (a
 * domain classifier), one parameter group, and classification from the bottleneck features.
 * A subclass adds only its training step.
 */
public abstract class BackboneModel implements MethodModel {

    /** The data shape. */
    protected final ModelShape shape;
    /** Encoder, bottleneck, classifier. */
    protected final Backbone backbone;
    private final Map<String, Block> extra;
    private final Map<String, Shape> extraInputs;
    private final ParameterGroup group;

    /**
     * @param groupName the parameter group's name (file names in {@code model/})
     * @param hidden encoder width
     * @param latent bottleneck width
     * @param shape the data shape
     * @param extra extra blocks by name, each with its input shape
     */
    protected BackboneModel(String groupName, int hidden, int latent, ModelShape shape,
            Map<String, Map.Entry<Block, Shape>> extra) {
        this.shape = shape;
        this.backbone = new Backbone(hidden, latent, shape.classes());
        this.extra = new LinkedHashMap<>();
        this.extraInputs = new LinkedHashMap<>();
        extra.forEach((name, e) -> {
            this.extra.put(name, e.getKey());
            this.extraInputs.put(name, e.getValue());
        });
        Map<String, Block> blocks = new LinkedHashMap<>(backbone.blocks());
        blocks.putAll(this.extra);
        this.group = new ParameterGroup(groupName, blocks);
    }

    /** @return the one parameter group */
    protected ParameterGroup group() {
        return group;
    }

    @Override
    public List<ParameterGroup> groups() {
        return List.of(group);
    }

    @Override
    public void initialize(NDManager manager) {
        backbone.initialize(manager, shape.channels(), shape.size());
        extra.forEach((name, block) -> block.initialize(manager, DataType.FLOAT32,
                extraInputs.get(name)));
    }

    @Override
    public NDArray classify(Inference inference, NDArray images) {
        return backbone.classify(inference, features(inference, images));
    }

    @Override
    public NDArray features(Inference inference, NDArray images) {
        return backbone.features(inference, images);
    }
}
