package io.latentbridge.method.dsn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.latentbridge.loss.DomainAdversarialLoss;
import io.latentbridge.loss.Losses;
import io.latentbridge.loss.MultiKernelMmd;
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
 * Domain separation networks (Bousmalis et al. 2016). The backbone's bottleneck is the shared
 * encoder E_c; each domain has a private encoder E_p; one shared decoder rebuilds each image from
 * the concatenation [E_c(x); E_p(x)]. Losses: source classification on the shared code,
 * scale-invariant reconstruction, the difference loss between shared and private codes of each
 * domain, and a similarity loss on the shared codes (DANN or MMD).
 */
public final class Dsn extends BackboneModel {

    /** The method. */
    public static final Method<DsnConfig> METHOD = Method.of("dsn",
            "domain separation networks: shared and private encoders, shared decoder",
            DsnConfig.class, DsnConfig.DEFAULT, Dsn::create);

    private final DsnConfig config;
    private final Block privateSource;
    private final Block privateTarget;
    private final Block decoder;
    private final DomainAdversarialLoss adversarial;
    private final MultiKernelMmd mmd = MultiKernelMmd.standard();

    private static Dsn create(DsnConfig config, ModelShape shape) {
        Map<String, Map.Entry<Block, Shape>> extra = new LinkedHashMap<>();
        Shape image = new Shape(1, shape.channels(), shape.size(), shape.size());
        extra.put("private_source", Map.entry(privateEncoder(config), image));
        extra.put("private_target", Map.entry(privateEncoder(config), image));
        extra.put("decoder", Map.entry(Networks.upsampleDecoder(shape.size(), shape.channels()),
                new Shape(1, 2L * config.latent())));
        extra.put("domain_classifier", Map.entry(Networks.mlp(new int[] {256}, 1),
                new Shape(1, config.latent())));
        return new Dsn(config, shape, extra);
    }

    private static Block privateEncoder(DsnConfig config) {
        return new SequentialBlock().add(Networks.convEncoder(config.hidden()))
                .add(Networks.linear(config.latent())).add(Activation.reluBlock());
    }

    private Dsn(DsnConfig config, ModelShape shape, Map<String, Map.Entry<Block, Shape>> extra) {
        super("dsn", config.hidden(), config.latent(), shape, extra);
        this.config = config;
        this.privateSource = extra.get("private_source").getKey();
        this.privateTarget = extra.get("private_target").getKey();
        this.decoder = extra.get("decoder").getKey();
        this.adversarial = new DomainAdversarialLoss(
                new GradientReversal(Schedule.dannLambda(config.gamma(), 1.0)),
                extra.get("domain_classifier").getKey());
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
        long b = xs.getShape().get(0);
        NDArray shared = backbone.features(ctx, NDArrays.concat(new NDList(xs, xt), 0));
        NDArray cs = shared.get(new NDIndex(":{}", b));
        NDArray ct = shared.get(new NDIndex("{}:", b));
        NDArray ps = ctx.forward(privateSource, xs);
        NDArray pt = ctx.forward(privateTarget, xt);

        NDArray cls = Losses.crossEntropy(backbone.classify(ctx, cs), ys);
        NDArray codes = NDArrays.concat(new NDList(
                NDArrays.concat(new NDList(cs, ps), 1), NDArrays.concat(new NDList(ct, pt), 1)), 0);
        NDArray rebuilt = Activation.sigmoid(ctx.forward(decoder, codes));
        NDArray rec = Losses.scaleInvariantMse(rebuilt.get(new NDIndex(":{}", b)), xs)
                .add(Losses.scaleInvariantMse(rebuilt.get(new NDIndex("{}:", b)), xt));
        NDArray diff = Losses.difference(cs, ps).add(Losses.difference(ct, pt));

        NDArray sim;
        DomainAdversarialLoss.Result adv = null;
        if ("mmd".equals(config.similarity())) {
            sim = mmd.apply(cs, ct);
        } else {
            adv = adversarial.apply(ctx, shared, ctx.progress());
            sim = adv.loss();
        }
        NDArray total = cls.add(Scalars.mul(rec, (float) config.lambdaRec()))
                .add(Scalars.mul(diff, (float) config.lambdaDiff()))
                .add(Scalars.mul(sim, (float) config.lambdaSim()));
        ctx.minimize(total, group());

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", (double) total.getFloat());
        out.put("cls", (double) cls.getFloat());
        out.put("rec", (double) rec.getFloat());
        out.put("diff", (double) diff.getFloat());
        out.put("sim", (double) sim.getFloat());
        if (adv != null) {
            out.put("lambda", (double) adv.lambda());
            out.put("domain_acc", (double) adv.accuracy());
        }
        return out;
    }
}
