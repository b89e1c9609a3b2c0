package io.latentbridge.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The fused upsample-and-convolve against its definition (repeat each pixel, then a padded 3×3
 * convolution): values and every gradient, and the decoder's model files against the plain
 * block sequence.
 */
class UpsampleConvolutionTest {

    private static final float TOLERANCE = 1e-4f;

    @Test
    void fusedFormComputesTheUpsampledConvolutionAndItsGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            // non-square, several channels, so a mixed-up row/column or phase order shows
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
            NDArray w = m.randomNormal(new Shape(4, 3, 3, 3));
            NDArray b = m.randomNormal(new Shape(4));
            NDArray c = m.randomNormal(new Shape(2, 4, 8, 10)); // weights of a scalar loss

            NDArray[] fused = valueAndGradients(x, w, b, c, true);
            NDArray[] plain = valueAndGradients(x, w, b, c, false);

            assertThat(fused[0].getShape()).isEqualTo(new Shape(2, 4, 8, 10));
            for (int i = 0; i < 4; i++) {
                assertThat(fused[i].getShape()).isEqualTo(plain[i].getShape());
                assertThat(fused[i].toFloatArray()).as("output, then d/dx, d/dw, d/db: #" + i)
                        .usingComparatorWithPrecision(TOLERANCE)
                        .containsExactly(plain[i].toFloatArray());
            }
            // not vacuous: the gradients are not zero
            assertThat(plain[2].abs().sum().getFloat()).isGreaterThan(1f);
        }
    }

    @Test
    void leavesNothingInTheWeightsManager() {
        // arrays derived from the weight would otherwise pile up, one set per training step,
        // in the long-lived manager that owns the parameters
        try (NDManager parameters = NDManager.newBaseManager();
                NDManager step = parameters.newSubManager()) {
            NDArray w = parameters.randomNormal(new Shape(4, 3, 3, 3));
            NDArray b = parameters.randomNormal(new Shape(4));
            int before = ownArrays(parameters, step);
            UpsampleConvolution.apply(step.randomNormal(new Shape(2, 3, 4, 5)), w, b);
            assertThat(ownArrays(parameters, step)).isEqualTo(before);
        }
    }

    /** The arrays of {@code manager} itself ({@code getManagedArrays} includes its children's). */
    private static int ownArrays(NDManager manager, NDManager child) {
        return ((BaseNDManager) manager).getManagedArrays().size()
                - ((BaseNDManager) child).getManagedArrays().size();
    }

    private static NDArray[] valueAndGradients(NDArray x0, NDArray w0, NDArray b0, NDArray c,
            boolean fused) {
        NDArray x = x0.duplicate();
        NDArray w = w0.duplicate();
        NDArray b = b0.duplicate();
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            y = fused ? UpsampleConvolution.apply(x, w, b) : UpsampleConvolution.reference(x, w, b);
            gc.backward(y.mul(c).sum());
        }
        return new NDArray[] {y.stopGradient(), x.getGradient().duplicate(),
            w.getGradient().duplicate(), b.getGradient().duplicate()};
    }

    @Test
    void decoderReadsThePlainSequencesModelFileAndComputesTheSameImages() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            Block decoder = Networks.upsampleDecoder(28, 1);
            decoder.initialize(m, DataType.FLOAT32, new Shape(1, 16));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            decoder.saveParameters(new DataOutputStream(bytes));

            Block plain = plainDecoder(28, 1);
            plain.initialize(m, DataType.FLOAT32, new Shape(1, 16));
            plain.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            plain.saveParameters(new DataOutputStream(again));
            assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());

            NDArray z = m.randomNormal(new Shape(3, 16));
            ParameterStore ps = new ParameterStore(m, false);
            float[] fused = decoder.forward(ps, new NDList(z), false).head().toFloatArray();
            float[] reference = plain.forward(ps, new NDList(z), false).head().toFloatArray();
            assertThat(fused).usingComparatorWithPrecision(TOLERANCE).containsExactly(reference);
        }
    }

    /** The decoder as it was built before the fusion: the layout of existing model files. */
    private static Block plainDecoder(int size, int channels) {
        int base = size / 4;
        return new SequentialBlock()
                .add(Linear.builder().setUnits(64L * base * base).build())
                .add(Activation.reluBlock())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 64, base, base)),
                        "reshape"))
                .add(new LambdaBlock(x -> new NDList(Networks.nearestUpsample2x(x.singletonOrThrow())),
                        "upsample2x"))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(32).build())
                .add(Activation.reluBlock())
                .add(new LambdaBlock(x -> new NDList(Networks.nearestUpsample2x(x.singletonOrThrow())),
                        "upsample2x"))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(channels).build());
    }
}
