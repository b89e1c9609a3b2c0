package io.latentbridge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void eceMatchesHandComputation() {
        // bin (0.8, 0.8667]: confidences 0.85, 0.85 → one right: |0.5 − 0.85| · 2/4
        // bin (0.9333, 1]: 0.95, 0.99 → both right: |1 − 0.97| · 2/4
        Calibration.Report r = Calibration.of(new double[] {0.85, 0.85, 0.95, 0.99},
                new boolean[] {true, false, true, true}, 15);
        assertThat(r.ece()).isCloseTo(0.5 * 0.35 + 0.5 * 0.03, within(1e-9));
        assertThat(r.bins()).hasSize(15);
        assertThat(r.bins().get(12).count()).isEqualTo(2);
        assertThat(r.bins().get(14).count()).isEqualTo(2);
    }

    static float[][] gaussian(Random r, int n, int f, float shift) {
        float[][] x = new float[n][f];
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                row[j] = (float) r.nextGaussian() + shift;
            }
        }
        return x;
    }

    @Test
    void aDistanceIsNearZeroForOneDistributionAndTwoForSeparableOnes() {
        Random r = new Random(1);
        try (NDManager m = NDManager.newBaseManager()) {
            double same = DomainDistance.proxyADistance(gaussian(r, 800, 5, 0), gaussian(r, 800, 5, 0), m);
            double apart = DomainDistance.proxyADistance(gaussian(r, 400, 5, 0), gaussian(r, 400, 5, 6), m);
            assertThat(same).isLessThan(0.25);
            assertThat(apart).isGreaterThan(1.95);
        }
    }

    @Test
    void diagonalKlMatchesClosedFormAndIsZeroForItself() {
        float[][] a = {{0f}, {2f}};          // mean 1, variance 1
        float[][] b = {{3f}, {3f + 4f}};     // mean 5, variance 4
        double expected = Math.log(2) + (1 + 16) / 8.0 - 0.5;
        assertThat(DomainDistance.diagonalGaussianKl(a, b)).isCloseTo(expected, within(1e-9));
        assertThat(DomainDistance.diagonalGaussianKl(a, a)).isCloseTo(0, within(1e-12));
    }
}
