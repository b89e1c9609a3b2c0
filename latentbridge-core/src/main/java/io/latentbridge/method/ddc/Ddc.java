package io.latentbridge.method.ddc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.latentbridge.loss.ClassPriorWeights;
import io.latentbridge.loss.Losses;
import io.latentbridge.loss.MultiKernelMmd;
import io.latentbridge.method.BackboneModel;
import io.latentbridge.nn.Scalars;
import io.latentbridge.train.Method;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.Schedule;
import io.latentbridge.train.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep domain confusion (Tzeng et al. 2014) with multi-kernel MMD: source classification plus
 * λ·MMD² between source and target features of the adaptation (bottleneck) layer. The weight
 * ramps up with DANN's λ_p unless {@code gamma} is 0. With {@code class_weighting=target_prior}
 * the source side of the MMD is reweighted to the target batch's predicted class mix.
 */
public final class Ddc extends BackboneModel {

    /** The method. */
    public static final Method<DdcConfig> METHOD = Method.of("ddc",
            "deep domain confusion: multi-kernel Gaussian MMD on the adaptation layer",
            DdcConfig.class, DdcConfig.DEFAULT, Ddc::new);

    private final DdcConfig config;
    private final MultiKernelMmd mmd = MultiKernelMmd.standard();
    private final Schedule weight;

    private Ddc(DdcConfig config, ModelShape shape) {
        super("ddc", config.hidden(), config.latent(), shape, Map.of());
        this.config = config;
        this.weight = config.gamma() > 0
                ? Schedule.dannLambda(config.gamma(), config.lambdaMmd())
                : Schedule.constant(config.lambdaMmd());
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
        long b = xs.getShape().get(0);
        NDArray f = backbone.features(ctx, NDArrays.concat(new NDList(xs, xt), 0));
        NDArray fs = f.get(new NDIndex(":{}", b));
        NDArray ft = f.get(new NDIndex("{}:", b));
        NDArray logits = backbone.classify(ctx, fs);
        NDArray cls = Losses.crossEntropy(logits, ys);
        NDArray weights = "target_prior".equals(config.classWeighting())
                ? ClassPriorWeights.forSource(ys, backbone.classify(ctx, ft))
                : null;
        NDArray distance = mmd.apply(fs, ft, weights);
        double lambda = weight.value(ctx.progress());
        NDArray total = cls.add(Scalars.mul(distance, (float) lambda));
        ctx.minimize(total, group());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", (double) total.getFloat());
        out.put("cls", (double) cls.getFloat());
        out.put("mmd", (double) distance.getFloat());
        out.put("lambda", lambda);
        return out;
    }
}
