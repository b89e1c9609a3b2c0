package io.latentbridge.method.sourceonly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.loss.Losses;
import io.latentbridge.nn.Networks;
import io.latentbridge.train.Inference;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline every table needs: the shared encoder, a linear bottleneck and a linear
 * classifier, trained on source labels only. Target batches are ignored.
 */
public final class SourceOnly implements Method<SourceOnlyConfig> {

    @Override
    public String name() {
        return "source-only";
    }

    @Override
    public String description() {
        return "the shared backbone trained on source labels only (no adaptation)";
    }

    @Override
    public Class<SourceOnlyConfig> configType() {
        return SourceOnlyConfig.class;
    }

    @Override
    public SourceOnlyConfig defaults() {
        return SourceOnlyConfig.DEFAULT;
    }

    @Override
    public MethodModel create(SourceOnlyConfig config, ModelShape shape) {
        return new Model(config, shape);
    }

    private static final class Model implements MethodModel {
        private final SourceOnlyConfig config;
        private final ModelShape shape;
        private final Block encoder;
        private final Block bottleneck;
        private final Block classifier;
        private final ParameterGroup group;

        Model(SourceOnlyConfig config, ModelShape shape) {
            this.config = config;
            this.shape = shape;
            encoder = Networks.convEncoder(config.hidden());
            bottleneck = Networks.linear(config.latent());
            classifier = Networks.linear(shape.classes());
            Map<String, Block> blocks = new LinkedHashMap<>();
            blocks.put("encoder", encoder);
            blocks.put("bottleneck", bottleneck);
            blocks.put("classifier", classifier);
            group = new ParameterGroup("source_only", blocks);
        }

        @Override
        public List<ParameterGroup> groups() {
            return List.of(group);
        }

        @Override
        public void initialize(NDManager manager) {
            encoder.initialize(manager, DataType.FLOAT32,
                    new Shape(1, shape.channels(), shape.size(), shape.size()));
            bottleneck.initialize(manager, DataType.FLOAT32, new Shape(1, config.hidden()));
            classifier.initialize(manager, DataType.FLOAT32, new Shape(1, config.latent()));
        }

        @Override
        public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
            NDArray logits = ctx.forward(classifier,
                    ctx.forward(bottleneck, ctx.forward(encoder, xs)));
            NDArray cls = Losses.crossEntropy(logits, ys);
            ctx.minimize(cls, group);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("cls", (double) cls.getFloat());
            return out;
        }

        @Override
        public NDArray classify(Inference inference, NDArray images) {
            return inference.forward(classifier, features(inference, images));
        }

        @Override
        public NDArray features(Inference inference, NDArray images) {
            return inference.forward(bottleneck, inference.forward(encoder, images));
        }
    }
}
