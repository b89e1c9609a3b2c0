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

/**
 * The building blocks every method shares, so a comparison between methods changes only the
 * method: the conv encoder, linear heads, the upsample-and-convolve decoder, small MLPs.
 */
public final class Networks {

    private Networks() {}

    /**
     * The shared conv encoder: conv5×5(32)–ReLU–pool–conv5×5(64)–ReLU–pool–FC(H)–ReLU, the
     * LeNet-style backbone of the digit benchmarks (no BatchNorm: its batch statistics would mix
     * the two domains differently in each method).
     *
     * @param hidden the width H of the deep representation h
     * @return a block mapping {@code N×C×S×S} images to {@code N×H}
     */
    public static Block convEncoder(int hidden) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(32).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(64).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock());
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
     * the reconstruction loss applies it in a numerically stable form.
     *
     * @param size the output side S (divisible by 4)
     * @param channels output channels
     * @return a block mapping {@code N×Z} latents to {@code N×C×S×S} logits
     */
    public static Block upsampleDecoder(int size, int channels) {
        int base = size / 4;
        return new SequentialBlock()
                .add(Linear.builder().setUnits(64L * base * base).build())
                .add(Activation.reluBlock())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 64, base, base)),
                        "reshape"))
                .add(upsample())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(32).build())
                .add(Activation.reluBlock())
                .add(upsample())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(channels).build());
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
