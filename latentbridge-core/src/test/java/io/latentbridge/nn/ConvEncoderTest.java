package io.latentbridge.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conv encoder's faster forward pass (channels-last layout, pooling before ReLU) against the
 * plain block sequence it replaces: same model files, same values and gradients up to float
 * rounding.
 */
class ConvEncoderTest {

    private static final float TOLERANCE = 1e-4f;

    @Test
    void channelsLastKeepsEveryValueInPlace() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int channels : new int[] {1, 3}) {
                NDArray x = m.arange(2 * channels * 4 * 5).toType(DataType.FLOAT32, false)
                        .reshape(2, channels, 4, 5);
                NDArray y = Networks.channelsLast(x);
                assertThat(y.getShape()).isEqualTo(x.getShape());
                assertThat(y.toFloatArray()).containsExactly(x.toFloatArray());
                // an element addressed by (n, c, h, w) is the same element
                assertThat(y.get(1, channels - 1, 3, 2).getFloat())
                        .isEqualTo(x.get(1, channels - 1, 3, 2).getFloat());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void computesThePlainSequenceAndItsGradientsFromTheSameModelFile(int channels)
            throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            Shape input = new Shape(1, channels, 28, 28);
            Block encoder = Networks.convEncoder(32);
            encoder.initialize(m, DataType.FLOAT32, input);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            encoder.saveParameters(new DataOutputStream(bytes));

            Block plain = plainEncoder(32);
            plain.initialize(m, DataType.FLOAT32, input);
            plain.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            plain.saveParameters(new DataOutputStream(again));
            assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
            assertThat(names(plain)).isEqualTo(names(encoder));

            // digit-like input: a blank background (exact ties under max-pooling) and strokes
            NDArray x = m.randomUniform(0, 1, new Shape(4, channels, 28, 28)).sub(0.7f).maximum(0f);
            List<float[]> fast = valueAndGradients(encoder, x);
            List<float[]> reference = valueAndGradients(plain, x);
            assertThat(fast).hasSameSizeAs(reference);
            for (int i = 0; i < fast.size(); i++) {
                assertThat(fast.get(i)).as("output, then each parameter's gradient: #" + i)
                        .usingComparatorWithPrecision(TOLERANCE).containsExactly(reference.get(i));
            }
            // not vacuous: the first convolution's gradient is not zero
            float sum = 0;
            for (float g : reference.get(1)) {
                sum += Math.abs(g);
            }
            assertThat(sum).isGreaterThan(1e-3f);
        }
    }

    /** The output, then every parameter's gradient of a fixed scalar loss, in parameter order. */
    private static List<float[]> valueAndGradients(Block block, NDArray x) {
        List<float[]> out = new ArrayList<>();
        block.getParameters().forEach(p -> p.getValue().getArray().setRequiresGradient(true));
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(ps, new NDList(x), true).singletonOrThrow();
            out.add(y.toFloatArray());
            NDArray weights = y.getManager().arange((float) y.size()).reshape(y.getShape())
                    .div(y.size());
            gc.backward(y.mul(y).mul(weights).sum());
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray grad = p.getValue().getArray().getGradient();
            out.add(grad.toFloatArray());
            grad.muli(0f);
        }
        return out;
    }

    private static List<String> names(Block block) {
        List<String> names = new ArrayList<>();
        block.getParameters().forEach(p -> names.add(p.getKey()));
        return names;
    }

    /** The encoder as a plain sequence: the layout of existing model files. */
    private static Block plainEncoder(int hidden) {
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
}
