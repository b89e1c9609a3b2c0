package io.latentbridge.method.dann;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.loss.Losses;
import io.latentbridge.method.BackboneModel;
import io.latentbridge.nn.GradientReversal;
import io.latentbridge.nn.Networks;
import io.latentbridge.train.Method;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.Schedule;
import io.latentbridge.train.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Domain-adversarial training (Ganin &amp; Lempitsky 2015): the backbone's features feed the label
 * classifier and, through a {@link GradientReversal} with the λ_p schedule, a domain classifier.
 * The goal is a domain classifier at chance; its accuracy is logged as {@code domain_acc}.
 */
public final class Dann extends BackboneModel {

    /** The method. */
    public static final Method<DannConfig> METHOD = Method.of("dann",
            "domain-adversarial neural network (gradient reversal on the features)",
            DannConfig.class, DannConfig.DEFAULT, Dann::new);

    private final DannConfig config;
    private final Block domainClassifier;
    private final GradientReversal reversal;

    private Dann(DannConfig config, ModelShape shape) {
        this(config, shape, Networks.mlp(new int[] {config.domainHidden()}, 1));
    }

    private Dann(DannConfig config, ModelShape shape, Block domainClassifier) {
        super("dann", config.hidden(), config.latent(), shape, Map.of("domain_classifier",
                Map.entry(domainClassifier, new Shape(1, config.latent()))));
        this.config = config;
        this.domainClassifier = domainClassifier;
        this.reversal = new GradientReversal(Schedule.dannLambda(config.gamma(), 1.0));
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
        ctx.minimize(total, group());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", (double) total.getFloat());
        out.put("cls", (double) cls.getFloat());
        out.put("adv", (double) adv.getFloat());
        out.put("lambda", (double) lambda);
        out.put("domain_acc", (double) Losses.binaryAccuracy(domainLogits, domainLabels).getFloat());
        return out;
    }
}
