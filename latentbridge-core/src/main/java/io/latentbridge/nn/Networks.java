package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The building blocks every method shares, so a comparison between methods changes only the
 * method: the conv encoder, linear heads, the upsample-and-convolve decoder, small MLPs.
 */
public final class Networks {

    private Networks() {}

    /**
     * The shared conv encoder: conv5×5(32)–ReLU–pool–conv5×5(64)–ReLU–pool–FC(H)–ReLU, the
     * LeNet-style backbone of the digit benchmarks (no BatchNorm: its batch statistics would mix
     * the two domains differently in each method). Computed by {@link ConvEncoder}, which
     * runs the same function faster.
     *
     * @param hidden the width H of the deep representation h
     * @return a block mapping {@code N×C×S×S} images to {@code N×H}
     */
    public static Block convEncoder(int hidden) {
        ConvEncoder encoder = new ConvEncoder();
        encoder.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(32).build());
        encoder.addReluThenPool();
        encoder.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(64).build());
        encoder.addReluThenPool();
        encoder.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock());
        return encoder;
    }

    /**
     * The conv encoder's sequence, run faster with the same function and parameters.
     *
     * <p>Two things differ from a plain {@link SequentialBlock}'s forward pass, neither visible
     * in the result beyond float rounding:
     * <ul>
     *   <li>The images are laid out channels-last in memory (a view for one channel, a copy
     *       otherwise) before the first convolution. libtorch then keeps the feature maps
     *       channels-last through both convolutions and poolings, where its CPU kernels are
     *       vectorised over channels: its channels-first max-pooling is the slowest operator of
     *       the step per element (measured in {@code bench/README.md}). Convolution sums in
     *       another order, so values change at float-rounding level.</li>
     *   <li>Each "ReLU, then 2×2 max-pool" pair runs as "max-pool, then ReLU": the two commute
     *       exactly (both monotone; a window whose maximum is ≤ 0 gets zero gradient either way)
     *       and the ReLU then touches a quarter of the elements.</li>
     * </ul>
     * The children are the plain sequence's, so parameter names and model files are unchanged
     * (the swap happens here, not by adding the children in pool-then-ReLU order, because a
     * sequence's model file records each child's input shape: ConvEncoderTest compares bytes).
     */
    static final class ConvEncoder extends SequentialBlock {

        /** The ReLU blocks that are followed by a max-pool and run after it instead. */
        private final Set<Block> relusBeforePool = new HashSet<>();

        void addReluThenPool() {
            Block relu = Activation.reluBlock();
            relusBeforePool.add(relu);
            add(relu);
            add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            List<Block> blocks = getChildren().values();
            NDList current = new NDList(channelsLast(inputs.singletonOrThrow()));
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (relusBeforePool.contains(block)) {
                    Block pool = blocks.get(++i);
                    current = pool.forward(store, current, training, params);
                }
                current = block.forward(store, current, training, params);
            }
            return current;
        }
    }

    /**
     * The same {@code N×C×H×W} array laid out channels-last in memory (strides
     * {@code H·W·C, 1, W·C, C}): libtorch propagates that layout through convolutions,
     * poolings and element-wise operations.
     *
     * @param x images
     * @return equal values, channels-last
     */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        // the permuted copy is dense in N, H, W, C order; permuting back only relabels the axes
        // (for one channel no copy happens at all)
        return x.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }

    /**
     * @param units output width
     * @return one affine layer
     */
    public static Block linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    /**
     * A ReLU MLP.
     *
     * @param hidden widths of the hidden layers
     * @param out output width
     * @return the block
     */
    public static Block mlp(int[] hidden, int out) {
        SequentialBlock b = new SequentialBlock();
        for (int h : hidden) {
            b.add(Linear.builder().setUnits(h).build()).add(Activation.reluBlock());
        }
        return b.add(Linear.builder().setUnits(out).build());
    }

    /**
     * The decoder: FC to 64×(S/4)², then twice nearest-neighbour ×2 upsampling followed by a
     * 3×3 convolution. DJL's PyTorch engine has no transposed convolution; upsample-then-conv is
     * the usual replacement and avoids checkerboard artefacts. Outputs logits (no sigmoid):
     * the reconstruction loss applies it in a numerically stable form. Each upsample-and-convolve
     * pair runs fused ({@link UpsampleConvolution}); the blocks and parameters are those of the
     * plain sequence, so model files are the same.
     *
     * @param size the output side S (divisible by 4)
     * @param channels output channels
     * @return a block mapping {@code N×Z} latents to {@code N×C×S×S} logits
     */
    public static Block upsampleDecoder(int size, int channels) {
        int base = size / 4;
        UpsampleDecoder decoder = new UpsampleDecoder();
        decoder.add(Linear.builder().setUnits(64L * base * base).build())
                .add(Activation.reluBlock())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 64, base, base)),
                        "reshape"));
        decoder.addUpsampleConvolution(32);
        decoder.add(Activation.reluBlock());
        decoder.addUpsampleConvolution(channels);
        return decoder;
    }

    /**
     * A sequential block whose "upsample ×2, then 3×3 convolution" pairs are computed by
     * {@link UpsampleConvolution}. The children are the plain sequence's (a parameter-free
     * upsampling block, then the {@link Conv2d}), so initialisation, parameter names and the
     * saved bytes do not change; only the forward pass skips the upsampled copy.
     */
    static final class UpsampleDecoder extends SequentialBlock {

        /** The upsampling blocks whose following convolution runs fused. */
        private final Set<Block> upsamplers = new HashSet<>();

        void addUpsampleConvolution(int filters) {
            Block up = upsample();
            upsamplers.add(up);
            add(up);
            add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            List<Block> blocks = getChildren().values();
            NDList current = inputs;
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (upsamplers.contains(block)) {
                    Block conv = blocks.get(++i);
                    NDArray x = current.singletonOrThrow();
                    NDArray weight = store.getValue(conv.getParameters().get("weight"),
                            x.getDevice(), training);
                    NDArray bias = store.getValue(conv.getParameters().get("bias"),
                            x.getDevice(), training);
                    current = new NDList(UpsampleConvolution.apply(x, weight, bias));
                } else {
                    current = block.forward(store, current, training, params);
                }
            }
            return current;
        }
    }

    private static Block upsample() {
        return new LambdaBlock(x -> new NDList(nearestUpsample2x(x.singletonOrThrow())),
                "upsample2x");
    }

    /**
     * Nearest-neighbour ×2 upsampling of {@code N×C×H×W}: each pixel repeated along H and W.
     *
     * @param x the feature map
     * @return {@code N×C×2H×2W}
     */
    public static NDArray nearestUpsample2x(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }
}
