package io.latentbridge.method.ddc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.latentbridge.loss.Losses;
import io.latentbridge.loss.MultiKernelMmd;
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
 * Deep domain confusion (Tzeng et al. 2014) with multi-kernel MMD: source classification plus
 * λ·MMD² between source and target features of the adaptation (bottleneck) layer.
 */
public final class Ddc implements Method<DdcConfig> {

    @Override
    public String name() {
        return "ddc";
    }

    @Override
    public String description() {
        return "deep domain confusion: multi-kernel Gaussian MMD on the adaptation layer";
    }

    @Override
    public Class<DdcConfig> configType() {
        return DdcConfig.class;
    }

    @Override
    public DdcConfig defaults() {
        return DdcConfig.DEFAULT;
    }

    @Override
    public MethodModel create(DdcConfig config, ModelShape shape) {
        return new Model(config, shape);
    }

    private static final class Model implements MethodModel {
        private final DdcConfig config;
        private final ModelShape shape;
        private final Backbone backbone;
        private final ParameterGroup group;
        private final MultiKernelMmd mmd = MultiKernelMmd.standard();

        Model(DdcConfig config, ModelShape shape) {
            this.config = config;
            this.shape = shape;
            backbone = new Backbone(config.hidden(), config.latent(), shape.classes());
            group = new ParameterGroup("ddc", backbone.blocks());
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
            long b = xs.getShape().get(0);
            NDArray f = backbone.features(ctx, NDArrays.concat(new NDList(xs, xt), 0));
            NDArray fs = f.get(new NDIndex(":{}", b));
            NDArray ft = f.get(new NDIndex("{}:", b));
            NDArray cls = Losses.crossEntropy(backbone.classify(ctx, fs), ys);
            NDArray distance = mmd.apply(fs, ft);
            NDArray total = cls.add(distance.mul((float) config.lambdaMmd()));
            ctx.minimize(total, group);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("loss", (double) total.getFloat());
            out.put("cls", (double) cls.getFloat());
            out.put("mmd", (double) distance.getFloat());
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
