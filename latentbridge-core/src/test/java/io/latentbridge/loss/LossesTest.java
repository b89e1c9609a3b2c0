package io.latentbridge.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
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

    @Test
    void conditionalEntropyMatchesFormulaAndBounds() {
        float[][] logits = {{1f, 2f, 0.5f}, {-1f, 0f, 3f}};
        double expected = 0;
        for (float[] row : logits) {
            double z = 0;
            for (float v : row) {
                z += Math.exp(v);
            }
            for (float v : row) {
                double p = Math.exp(v) / z;
                expected -= p * Math.log(p);
            }
        }
        expected /= 2;
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.conditionalEntropy(
                    m.create(new float[] {1f, 2f, 0.5f, -1f, 0f, 3f}, new Shape(2, 3))).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-5));
            // uniform predictions have the largest entropy, log K; confident ones almost none
            assertThat(Losses.conditionalEntropy(m.zeros(new Shape(4, 10))).getFloat())
                    .isCloseTo((float) Math.log(10), within(1e-5f));
            assertThat(Losses.conditionalEntropy(
                    m.create(new float[] {40f, 0f, 0f}, new Shape(1, 3))).getFloat())
                    .isCloseTo(0f, within(1e-5f));
        }
    }

    @Test
    void marginalDivergenceIsTheKlOfTheBatchMeanFromUniform() {
        float[] logits = {1f, 2f, 0.5f, -1f, 0f, 3f};
        double[] mean = new double[3];
        for (int i = 0; i < 2; i++) {
            double z = 0;
            for (int k = 0; k < 3; k++) {
                z += Math.exp(logits[3 * i + k]);
            }
            for (int k = 0; k < 3; k++) {
                mean[k] += Math.exp(logits[3 * i + k]) / z / 2;
            }
        }
        double expected = 0;
        for (double p : mean) {
            expected += p * Math.log(p * 3);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.marginalDivergenceFromUniform(m.create(logits, new Shape(2, 3))).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-5));
            // confident predictions spread evenly over the classes cost nothing: the term asks
            // for diversity across the batch, not for doubt in each image
            NDArray spread = m.create(new float[] {40f, 0f, 0f, 0f, 40f, 0f, 0f, 0f, 40f}, new Shape(3, 3));
            assertThat(Losses.marginalDivergenceFromUniform(spread).getFloat()).isCloseTo(0f, within(1e-5f));
            // a batch that predicts one class only is the farthest it gets: log K
            NDArray collapsed = m.create(new float[] {40f, 0f, 0f, 40f, 0f, 0f}, new Shape(2, 3));
            assertThat(Losses.marginalDivergenceFromUniform(collapsed).getFloat())
                    .isCloseTo((float) Math.log(3), within(1e-5f));
        }
    }

    @Test
    void marginalDivergencePushesUpTheClassThatIsVanishing() {
        try (NDManager m = NDManager.newBaseManager()) {
            // class 2 is almost never predicted; descending the term must raise its logits
            NDArray logits = m.create(new float[] {3f, 0f, -4f, 0f, 3f, -4f}, new Shape(2, 3));
            logits.setRequiresGradient(true);
            try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
                g.backward(Losses.marginalDivergenceFromUniform(logits));
            }
            float[] grad = logits.getGradient().toFloatArray();
            assertThat(grad[2]).isNegative();
            assertThat(grad[5]).isNegative();
        }
    }

    @Test
    void scaleInvariantMseSubtractsTheSquaredMeanError() {
        float[] x = {0.1f, 0.5f, 0.9f, 0.3f};
        float[] r = {0.2f, 0.4f, 0.6f, 0.3f};
        double sq = 0, sum = 0;
        for (int i = 0; i < 4; i++) {
            double d = x[i] - r[i];
            sq += d * d;
            sum += d;
        }
        double expected = sq / 4 - sum * sum / 16;
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.scaleInvariantMse(m.create(r, new Shape(1, 4)), m.create(x, new Shape(1, 4))).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-6));
            // a constant shift of the whole image is free: the defining property of the sign
            float shifted = Losses.scaleInvariantMse(m.create(x, new Shape(1, 4)).add(0.25f),
                    m.create(x, new Shape(1, 4))).getFloat();
            assertThat(shifted).isCloseTo(0f, within(1e-6f));
            assertThat(Losses.mse(m.create(x).add(0.25f), m.create(x)).getFloat()).isGreaterThan(0.06f);
        }
    }

    @Test
    void differenceLossMatchesFormulaAndVanishesForOrthogonalCodes() {
        float[][] c = {{1, 0}, {0, 1}, {1, 1}};
        float[][] p = {{2, 1}, {0, 3}, {1, 0}};
        double[][] cn = normalise(c);
        double[][] pn = normalise(p);
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double dot = 0;
                for (int n = 0; n < 3; n++) {
                    dot += cn[n][i] * pn[n][j];
                }
                expected += dot * dot / 4; // mean over the 2×2 correlation entries
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float got = Losses.difference(m.create(flat(c), new Shape(3, 2)), m.create(flat(p), new Shape(3, 2))).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-5));
            // shared codes vary on items 0-1, private codes on items 2-3: uncorrelated, zero loss
            float zero = Losses.difference(
                    m.create(new float[] {1, 0, -1, 0, 0, 0, 0, 0}, new Shape(4, 2)),
                    m.create(new float[] {0, 0, 0, 0, 0, 1, 0, -1}, new Shape(4, 2))).getFloat();
            assertThat(zero).isCloseTo(0f, within(1e-6f));
            assertThat(got).isGreaterThan(0.02f);
        }
    }

    private static double[][] normalise(float[][] x) {
        int n = x.length, d = x[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] row : x) {
                mean += row[j] / n;
            }
            for (int i = 0; i < n; i++) {
                out[i][j] = x[i][j] - mean;
            }
        }
        for (double[] row : out) {
            double norm = 0;
            for (double v : row) {
                norm += v * v;
            }
            norm = Math.sqrt(norm) + 1e-6;
            for (int j = 0; j < d; j++) {
                row[j] /= norm;
            }
        }
        return out;
    }

    private static float[] flat(float[][] x) {
        float[] out = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        }
        return out;
    }
}
