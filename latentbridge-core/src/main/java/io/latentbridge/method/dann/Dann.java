package io.latentbridge.method.dann;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.loss.DomainAdversarialLoss;
import io.latentbridge.loss.Losses;
import io.latentbridge.method.BackboneModel;
import io.latentbridge.nn.GradientReversal;
import io.latentbridge.nn.Networks;
import io.latentbridge.nn.Scalars;
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
    private final DomainAdversarialLoss adversarial;

    private Dann(DannConfig config, ModelShape shape) {
        this(config, shape, Networks.mlp(new int[] {config.domainHidden()}, 1));
    }

    private Dann(DannConfig config, ModelShape shape, Block domainClassifier) {
        super("dann", config.hidden(), config.latent(), shape, Map.of("domain_classifier",
                Map.entry(domainClassifier, new Shape(1, config.latent()))));
        this.config = config;
        this.adversarial = new DomainAdversarialLoss(
                new GradientReversal(Schedule.dannLambda(config.gamma(), 1.0)), domainClassifier);
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
        long b = xs.getShape().get(0);
        NDArray f = backbone.features(ctx, NDArrays.concat(new NDList(xs, xt), 0));
        NDArray cls = Losses.crossEntropy(backbone.classify(ctx, f.get(new NDIndex(":{}", b))), ys);
        DomainAdversarialLoss.Result adv = adversarial.apply(ctx, f, ctx.progress());
        NDArray total = cls.add(Scalars.mul(adv.loss(), (float) config.lambdaAdv()));
        ctx.minimize(total, group());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", (double) total.getFloat());
        out.put("cls", (double) cls.getFloat());
        out.put("adv", (double) adv.loss().getFloat());
        out.put("lambda", (double) adv.lambda());
        out.put("domain_acc", (double) adv.accuracy());
        return out;
    }
}
