package io.latentbridge.method.bridge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import io.latentbridge.loss.Losses;
import io.latentbridge.nn.Forward;
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
 * A base generative model of one domain: the latent translation paper's MLP VAE. The encoder
 * maps a flattened image through ReLU layers to μ and log σ² of a diagonal Gaussian; the
 * decoder mirrors it and outputs pixel means through a sigmoid. The loss is the negative ELBO
 * with a Gaussian likelihood of fixed σ_x: {@code Σ_pixels (x − x̂)² / 2σ_x² + β·KL}, averaged
 * over the batch (constants dropped).
 */
public final class BaseVae implements Trainable {

    private final BaseVaeConfig config;
    private final int channels;
    private final int size;
    private final Block encoder;
    private final Block decoder;
    private final ParameterGroup group;

    /**
     * @param config the settings
     * @param channels image channels
     * @param size image side
     */
    public BaseVae(BaseVaeConfig config, int channels, int size) {
        this.config = config;
        this.channels = channels;
        this.size = size;
        int[] hidden = new int[config.layers()];
        Arrays.fill(hidden, config.hidden());
        this.encoder = Networks.mlp(hidden, 2 * config.latent());
        this.decoder = Networks.mlp(hidden, channels * size * size);
        Map<String, Block> blocks = new LinkedHashMap<>();
        blocks.put("encoder", encoder);
        blocks.put("decoder", decoder);
        this.group = new ParameterGroup("vae", blocks);
    }

    /** @return the latent width */
    public int latent() {
        return config.latent();
    }

    @Override
    public List<ParameterGroup> groups() {
        return List.of(group);
    }

    @Override
    public void initialize(NDManager manager) {
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, (long) channels * size * size));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, config.latent()));
    }

    /**
     * @param f forward passes
     * @param images {@code N×C×S×S} in [0, 1]
     * @return μ and log σ², each {@code N×Z}
     */
    public NDArray[] encode(Forward f, NDArray images) {
        NDArray out = f.forward(encoder, images.reshape(images.getShape().get(0), -1));
        int z = config.latent();
        return new NDArray[] {out.get(":, :" + z), out.get(":, " + z + ":")};
    }

    /**
     * @param f forward passes
     * @param z latent codes {@code N×Z}
     * @return pixel means {@code N×C×S×S} in [0, 1]
     */
    public NDArray decode(Forward f, NDArray z) {
        return Activation.sigmoid(f.forward(decoder, z))
                .reshape(z.getShape().get(0), channels, size, size);
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray images, NDArray labels,
            NDArray unused) {
        NDArray[] q = encode(ctx, images);
        NDArray z = q[0].add(Scalars.mul(q[1], 0.5f).exp().mul(ctx.normal(q[0].getShape())));
        NDArray mean = decode(ctx, z);
        float scale = (float) (1.0 / (2 * config.sigmaX() * config.sigmaX()));
        NDArray squared = mean.sub(images).square().sum(new int[] {1, 2, 3}).mean();
        NDArray recon = Scalars.mul(squared, scale);
        NDArray kl = Losses.gaussianKl(q[0], q[1]);
        NDArray loss = recon.add(Scalars.mul(kl, (float) config.beta()));
        ctx.minimize(loss, group);
        return Map.of("recon", (double) recon.getFloat(), "kl", (double) kl.getFloat(),
                "loss", (double) loss.getFloat());
    }
}
