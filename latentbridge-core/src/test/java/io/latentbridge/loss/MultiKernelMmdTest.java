package io.latentbridge.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** MMD² against a direct computation with known kernels and bandwidths. */
class MultiKernelMmdTest {

    static double direct(double[][] s, double[][] t, double[] multipliers) {
        double[] w = new double[s.length];
        java.util.Arrays.fill(w, 1.0 / s.length);
        return direct(s, t, multipliers, w);
    }

    static double direct(double[][] s, double[][] t, double[] multipliers, double[] w) {
        double[][] z = new double[s.length + t.length][];
        System.arraycopy(s, 0, z, 0, s.length);
        System.arraycopy(t, 0, z, s.length, t.length);
        int n = z.length;
        double[][] d2 = new double[n][n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int k = 0; k < z[i].length; k++) {
                    d += (z[i][k] - z[j][k]) * (z[i][k] - z[j][k]);
                }
                d2[i][j] = d;
                mean += d / (n * n);
            }
        }
        double ss = 0, tt = 0, st = 0;
        int m = s.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double k = 0;
                for (double a : multipliers) {
                    k += Math.exp(-d2[i][j] / (2 * a * mean));
                }
                if (i < m && j < m) ss += w[i] * w[j] * k;
                else if (i >= m && j >= m) tt += k / (t.length * t.length);
                else if (i < m) st += w[i] * k / t.length;
            }
        }
        return ss + tt - 2 * st;
    }

    @Test
    void matchesDirectComputation() {
        double[][] s = {{0, 1}, {1, 0}, {0.5, 0.5}};
        double[][] t = {{2, 2}, {3, 1}, {2.5, 2}};
        double expected = direct(s, t, new double[] {0.125, 0.25, 0.5, 1, 2});
        try (NDManager m = NDManager.newBaseManager()) {
            float got = MultiKernelMmd.standard().apply(
                    m.create(new float[] {0, 1, 1, 0, 0.5f, 0.5f}, new Shape(3, 2)),
                    m.create(new float[] {2, 2, 3, 1, 2.5f, 2}, new Shape(3, 2))).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-5));
            assertThat(expected).isGreaterThan(0.1);
        }
    }

    @Test
    void weightedMatchesDirectComputationAndUniformWeightsGiveTheUnweightedForm() {
        double[][] s = {{0, 1}, {1, 0}, {0.5, 0.5}};
        double[][] t = {{2, 2}, {3, 1}, {2.5, 2}};
        double[] w = {0.6, 0.1, 0.3};
        double[] mult = {0.125, 0.25, 0.5, 1, 2};
        double expected = direct(s, t, mult, w);
        try (NDManager m = NDManager.newBaseManager()) {
            var a = m.create(new float[] {0, 1, 1, 0, 0.5f, 0.5f}, new Shape(3, 2));
            var b = m.create(new float[] {2, 2, 3, 1, 2.5f, 2}, new Shape(3, 2));
            float got = MultiKernelMmd.standard().apply(a, b,
                    m.create(new float[] {0.6f, 0.1f, 0.3f})).getFloat();
            assertThat((double) got).isCloseTo(expected, within(1e-5));
            assertThat(Math.abs(expected - direct(s, t, mult))).isGreaterThan(1e-3);
            float uniform = MultiKernelMmd.standard().apply(a, b,
                    m.create(new float[] {1 / 3f, 1 / 3f, 1 / 3f})).getFloat();
            assertThat(uniform).isCloseTo(MultiKernelMmd.standard().apply(a, b).getFloat(),
                    within(1e-6f));
        }
    }

    @Test
    void featuresCollapsedOntoOnePointGiveZeroNotNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            var zeros = m.zeros(new Shape(4, 3));
            assertThat(MultiKernelMmd.standard().apply(zeros, zeros.duplicate()).getFloat())
                    .isEqualTo(0f);
            assertThat(MultiKernelMmd.standard().apply(zeros, zeros.duplicate(),
                    m.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f})).getFloat()).isEqualTo(0f);
        }
    }

    @Test
    void zeroForIdenticalSetsAndSingleKernelKnownValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            var a = m.create(new float[] {0, 1, 1, 0}, new Shape(2, 2));
            assertThat(MultiKernelMmd.standard().apply(a, a.duplicate()).getFloat())
                    .isCloseTo(0f, within(1e-6f));
            // one point per side at distance² 1: mean d² over the joint batch = 0.5, σ² = 0.5,
            // k(s,t) = exp(−1/1) → MMD² = 1 + 1 − 2e^{−1}
            float got = new MultiKernelMmd(1).apply(m.create(new float[] {0f}, new Shape(1, 1)),
                    m.create(new float[] {1f}, new Shape(1, 1))).getFloat();
            assertThat((double) got).isCloseTo(2 - 2 * Math.exp(-1), within(1e-6));
        }
    }
}
