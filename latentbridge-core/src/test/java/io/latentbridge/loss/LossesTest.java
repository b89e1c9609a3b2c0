package io.latentbridge.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Each loss against its formula computed by hand in plain Java. */
class LossesTest {

    @Test
    void crossEntropyMatchesFormula() {
        float[][] logits = {{1f, 2f, 0.5f}, {-1f, 0f, 3f}};
        int[] y = {1, 0};
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double z = 0;
            for (float v : logits[i]) {
                z += Math.exp(v);
            }
            expected += -(logits[i][y[i]] - Math.log(z));
        }
        expected /= 2;
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.crossEntropy(m.create(new float[] {1f, 2f, 0.5f, -1f, 0f, 3f}, new Shape(2, 3)),
                    m.create(y)).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void binaryCrossEntropyWithLogitsMatchesFormulaAndIsStable() {
        float[] x = {-3f, 0f, 2f, 50f};
        float[] t = {0f, 0.5f, 1f, 0f};
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            double p = 1 / (1 + Math.exp(-x[i]));
            double term = i == 3 ? 50.0 : -(t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p));
            expected += term;
        }
        expected /= x.length;
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.binaryCrossEntropyWithLogits(m.create(x), m.create(t)).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void gaussianKlMatchesClosedForm() {
        float[] mu = {0.5f, -1f};
        float[] logVar = {0.2f, -0.7f};
        double expected = 0;
        for (int j = 0; j < 2; j++) {
            expected += 0.5 * (mu[j] * mu[j] + Math.exp(logVar[j]) - logVar[j] - 1);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.gaussianKl(m.create(mu, new Shape(1, 2)), m.create(logVar, new Shape(1, 2))).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-6));
            assertThat(Losses.gaussianKl(m.zeros(new Shape(3, 4)), m.zeros(new Shape(3, 4))).getFloat()).isEqualTo(0f);
        }
    }
}
