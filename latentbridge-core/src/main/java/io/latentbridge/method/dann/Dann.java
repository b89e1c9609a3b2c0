package io.latentbridge.method.dann;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.loss.Losses;
import io.latentbridge.nn.Backbone;
import io.latentbridge.nn.GradientReversal;
import io.latentbridge.nn.Networks;
import io.latentbridge.train.Inference;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.Schedule;
import io.latentbridge.train.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain-adversarial training (Ganin &amp; Lempitsky 2015): the backbone's features feed the label
 * classifier and, through a {@link GradientReversal} with the λ_p schedule, a domain classifier.
 * The goal is a domain classifier at chance; its accuracy is logged as {@code domain_acc}.
 */
public final class Dann implements Method<DannConfig> {

    @Override
    public String name() {
        return "dann";
    }

    @Override
    public String description() {
        return "domain-adversarial neural network (gradient reversal on the features)";
    }

    @Override
    public Class<DannConfig> configType() {
        return DannConfig.class;
    }

    @Override
    public DannConfig defaults() {
        return DannConfig.DEFAULT;
    }

    @Override
    public MethodModel create(DannConfig config, ModelShape shape) {
        return new Model(config, shape);
    }

    private static final class Model implements MethodModel {
        private final DannConfig config;
        private final ModelShape shape;
        private final Backbone backbone;
        private final Block domainClassifier;
        private final GradientReversal reversal;
        private final ParameterGroup group;

        Model(DannConfig config, ModelShape shape) {
            this.config = config;
            this.shape = shape;
            backbone = new Backbone(config.hidden(), config.latent(), shape.classes());
            domainClassifier = Networks.mlp(new int[] {config.domainHidden()}, 1);
            reversal = new GradientReversal(Schedule.dannLambda(config.gamma(), 1.0));
            Map<String, Block> blocks = new LinkedHashMap<>(backbone.blocks());
            blocks.put("domain_classifier", domainClassifier);
            group = new ParameterGroup("dann", blocks);
        }

        @Override
        public List<ParameterGroup> groups() {
            return List.of(group);
        }

        @Override
        public void initialize(NDManager manager) {
            backbone.initialize(manager, shape.channels(), shape.size());
            domainClassifier.initialize(manager, DataType.FLOAT32, new Shape(1, config.latent()));
        }

        @Override
        public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
            long b = xs.getShape().get(0);
            NDArray f = backbone.features(ctx, NDArrays.concat(new NDList(xs, xt), 0));
            NDArray cls = Losses.crossEntropy(backbone.classify(ctx, f.get(new NDIndex(":{}", b))), ys);
            float lambda = reversal.lambda(ctx.progress());
            NDArray domainLogits = ctx.forward(domainClassifier, GradientReversal.reverse(f, lambda))
                    .reshape(-1);
            NDArray domainLabels = NDArrays.concat(new NDList(
                    ctx.manager().zeros(new Shape(b)), ctx.manager().ones(new Shape(b))), 0);
            NDArray adv = Losses.binaryCrossEntropyWithLogits(domainLogits, domainLabels);
            NDArray total = cls.add(adv.mul((float) config.lambdaAdv()));
            ctx.minimize(total, group);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("loss", (double) total.getFloat());
            out.put("cls", (double) cls.getFloat());
            out.put("adv", (double) adv.getFloat());
            out.put("lambda", (double) lambda);
            out.put("domain_acc", (double) Losses.binaryAccuracy(domainLogits, domainLabels).getFloat());
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
