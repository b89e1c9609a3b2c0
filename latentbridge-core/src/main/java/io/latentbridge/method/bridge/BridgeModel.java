package io.latentbridge.method.bridge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.loss.Losses;
import io.latentbridge.loss.SlicedWasserstein;
import io.latentbridge.nn.Forward;
import io.latentbridge.nn.GatedMlp;
import io.latentbridge.nn.Networks;
import io.latentbridge.nn.Scalars;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.StepContext;
import io.latentbridge.train.Trainable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latent bridge: one VAE over the latent codes of two frozen base models, conditioned on a
 * one-hot domain label at the encoder's and the decoder's inputs.
 *
 * <p>Encoder: {@code [z, onehot(domain)] → ReLU MLP → gated heads μ′, σ′ (softplus)}; shared
 * code {@code z′ = μ′ + σ′ ⊙ ε}. Decoder: {@code [z′, onehot(domain)] → ReLU MLP → gated head
 * ẑ}. A linear classifier C reads z′. Per step, with class-paired batches of both domains:
 * <pre>
 * L = Σ_d mean((ẑ_d − z_d)²) + β_KL Σ_d KL(q(z′|z_d) ‖ N(0, I))
 *   + β_SWD SWD(z′_A, z′_B) + β_cls Σ_d CE(C(z′_d), y)
 * </pre>
 * Translation A→B: encode with A's label, decode with B's.
 */
public final class BridgeModel implements Trainable {

    /** Domain index of the first (source) domain. */
    public static final int A = 0;
    /** Domain index of the second (target) domain. */
    public static final int B = 1;

    private final BridgeConfig config;
    private final int baseLatent;
    private final int classes;
    private final GatedMlp encoder;
    private final GatedMlp decoder;
    private final Block classifier;
    private final SlicedWasserstein swd;
    private final ParameterGroup group;

    /**
     * @param config the settings
     * @param baseLatent the base models' latent width (both the same)
     * @param classes the number of (paired) classes
     */
    public BridgeModel(BridgeConfig config, int baseLatent, int classes) {
        this.config = config;
        this.baseLatent = baseLatent;
        this.classes = classes;
        int[] hidden = new int[config.layers()];
        Arrays.fill(hidden, config.hidden());
        this.encoder = new GatedMlp(baseLatent + 2, hidden,
                new int[] {config.latent(), config.latent()}, new boolean[] {false, true});
        this.decoder = new GatedMlp(config.latent() + 2, hidden, new int[] {baseLatent},
                new boolean[] {false});
        this.classifier = Networks.linear(classes);
        this.swd = new SlicedWasserstein(config.swdProjections());
        Map<String, Block> blocks = new LinkedHashMap<>();
        encoder.blocks().forEach((k, v) -> blocks.put("encoder_" + k, v));
        decoder.blocks().forEach((k, v) -> blocks.put("decoder_" + k, v));
        blocks.put("classifier", classifier);
        this.group = new ParameterGroup("bridge", blocks);
    }

    /** @return the settings */
    public BridgeConfig config() {
        return config;
    }

    @Override
    public List<ParameterGroup> groups() {
        return List.of(group);
    }

    @Override
    public void initialize(NDManager manager) {
        encoder.initialize(manager);
        decoder.initialize(manager);
        classifier.initialize(manager, DataType.FLOAT32, new Shape(1, config.latent()));
        // the authors' classifier keeps its random weights: frozen, it still shapes the encoder
        classifier.freezeParameters(!config.classifierTrained());
    }

    /**
     * The posterior of the shared code.
     *
     * @param f forward passes
     * @param z base latent codes {@code N×Z}
     * @param domain {@link #A} or {@link #B}
     * @return μ′ and σ′, each {@code N×d′}
     */
    public NDArray[] encode(Forward f, NDArray z, int domain) {
        List<NDArray> heads = encoder.forward(f, withDomain(z, domain));
        // a floor on σ′: the softplus can underflow to 0, and the KL takes its log
        return new NDArray[] {heads.get(0), heads.get(1).add(1e-6f)};
    }

    /**
     * @param f forward passes
     * @param shared shared codes {@code N×d′}
     * @param domain the domain to decode into
     * @return base latent codes {@code N×Z} of that domain
     */
    public NDArray decode(Forward f, NDArray shared, int domain) {
        return decoder.forward(f, withDomain(shared, domain)).get(0);
    }

    /**
     * @param f forward passes
     * @param shared shared codes
     * @return class logits of the linear classifier C
     */
    public NDArray classify(Forward f, NDArray shared) {
        return f.forward(classifier, shared);
    }

    private static NDArray withDomain(NDArray x, int domain) {
        long n = x.getShape().get(0);
        NDArray onehot = x.getManager().zeros(new Shape(n, 2));
        onehot.set(new ai.djl.ndarray.index.NDIndex(":, " + domain), 1f);
        return x.concat(onehot, 1);
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray zA, NDArray labels, NDArray zB) {
        NDArray[] qA = encode(ctx, zA, A);
        NDArray[] qB = encode(ctx, zB, B);
        NDArray sA = qA[0].add(qA[1].mul(ctx.normal(qA[0].getShape())));
        NDArray sB = qB[0].add(qB[1].mul(ctx.normal(qB[0].getShape())));
        NDArray recon = Losses.mse(decode(ctx, sA, A), zA).add(Losses.mse(decode(ctx, sB, B), zB));
        NDArray kl = Losses.gaussianKl(qA[0], Scalars.mul(qA[1].log(), 2f))
                .add(Losses.gaussianKl(qB[0], Scalars.mul(qB[1].log(), 2f)));
        NDArray dist = swd.distance(sA, sB, ctx.manager());
        NDArray cls = Losses.crossEntropy(classify(ctx, sA), labels)
                .add(Losses.crossEntropy(classify(ctx, sB), labels));
        NDArray loss = recon.add(Scalars.mul(kl, (float) config.betaKl()))
                .add(Scalars.mul(dist, (float) config.betaSwd()))
                .add(Scalars.mul(cls, (float) config.betaCls()));
        ctx.minimize(loss, group);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("recon", (double) recon.getFloat());
        out.put("kl", (double) kl.getFloat());
        out.put("swd", (double) dist.getFloat());
        out.put("cls", (double) cls.getFloat());
        out.put("loss", (double) loss.getFloat());
        return out;
    }

    /** @return the base models' latent width */
    public int baseLatent() {
        return baseLatent;
    }

    /** @return the number of classes */
    public int classes() {
        return classes;
    }
}
