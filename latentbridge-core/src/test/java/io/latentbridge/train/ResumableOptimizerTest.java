package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The checkpointable optimizers compute exactly what DJL's own Adam and SGD compute, and their
 * state survives a write and a read bit for bit.
 */
class ResumableOptimizerTest {

    private static final ParameterTracker RATE = (id, t) -> 0.01f / (1 + 0.1f * t);

    private static NDArray gradient(NDManager m, int step) {
        float[] g = new float[6];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) Math.sin(1.7 * step + i) * (i + 1);
        }
        return m.create(g);
    }

    private static float[] run(Optimizer opt, NDManager m, int steps) {
        NDArray w = m.create(new float[] {0.5f, -1f, 2f, 0f, 0.25f, -0.75f});
        for (int s = 1; s <= steps; s++) {
            opt.update("w", w, gradient(m, s));
        }
        return w.toFloatArray();
    }

    @Test
    void adamMatchesDjlsAdamBitForBit() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] djl = run(Optimizer.adam().optLearningRateTracker(RATE).build(), m, 7);
            float[] ours = run(ResumableOptimizer.adam(RATE), m, 7);
            assertThat(ours).containsExactly(djl);
        }
    }

    @Test
    void sgdMatchesDjlsSgdBitForBit() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] djl = run(Optimizer.sgd().setLearningRateTracker(RATE).optMomentum(0.9f).build(),
                    m, 7);
            float[] ours = run(ResumableOptimizer.sgd(RATE, 0.9f), m, 7);
            assertThat(ours).containsExactly(djl);
        }
    }

    @Test
    void stateWrittenAndReadContinuesExactly() throws IOException {
        for (Supplier<ResumableOptimizer> make : java.util.List.<Supplier<ResumableOptimizer>>of(
                () -> ResumableOptimizer.adam(RATE), () -> ResumableOptimizer.sgd(RATE, 0.9f))) {
            try (NDManager m = NDManager.newBaseManager()) {
                ResumableOptimizer straight = make.get();
                float[] expected = run(straight, m, 6);

                ResumableOptimizer first = make.get();
                NDArray w = m.create(new float[] {0.5f, -1f, 2f, 0f, 0.25f, -0.75f});
                for (int s = 1; s <= 3; s++) {
                    first.update("w", w, gradient(m, s));
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                first.write(new DataOutputStream(bytes));

                ResumableOptimizer second = make.get();
                second.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), m);
                assertThat(second.updates()).isEqualTo(3);
                NDArray w2 = m.create(w.toFloatArray());
                for (int s = 4; s <= 6; s++) {
                    second.update("w", w2, gradient(m, s));
                }
                assertThat(w2.toFloatArray()).containsExactly(expected);
            }
        }
    }

    @Test
    void refusesTheStateOfTheOtherRule() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ResumableOptimizer adam = ResumableOptimizer.adam(RATE);
            run(adam, m, 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adam.write(new DataOutputStream(bytes));
            ResumableOptimizer sgd = ResumableOptimizer.sgd(RATE, 0.9f);
            assertThatThrownBy(() -> sgd.read(new DataInputStream(
                    new ByteArrayInputStream(bytes.toByteArray())), m))
                    .isInstanceOf(IOException.class).hasMessageContaining("ADAM");
        }
    }
}
