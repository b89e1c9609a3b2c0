package io.latentbridge.method.sourceonly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.latentbridge.loss.Losses;
import io.latentbridge.nn.Backbone;
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
 * The baseline every table needs: the shared {@link Backbone} trained on source labels only.
 * Target batches are ignored.
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
        private final ModelShape shape;
        private final Backbone backbone;
        private final ParameterGroup group;

        Model(SourceOnlyConfig config, ModelShape shape) {
            this.shape = shape;
            backbone = new Backbone(config.hidden(), config.latent(), shape.classes());
            group = new ParameterGroup("source_only", backbone.blocks());
        }

        @Override
        public List<ParameterGroup> groups() {
            return List.of(group);
        }

        @Override
        public void initialize(NDManager manager) {
            backbone.initialize(manager, shape.channels(), shape.size());
        }

        @Override
        public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
            NDArray cls = Losses.crossEntropy(backbone.classify(ctx, backbone.features(ctx, xs)), ys);
            ctx.minimize(cls, group);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("cls", (double) cls.getFloat());
            return out;
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
}
