package io.latentbridge.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

    /** The definition, computed directly: per unit direction, mean |sorted a·u − sorted b·u|. */
    private static double direct(float[][] a, float[][] b, float[][] dirs) {
        double total = 0;
        int k = dirs[0].length;
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (float[] row : dirs) {
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            double[] pa = new double[a.length];
            double[] pb = new double[b.length];
            for (int i = 0; i < a.length; i++) {
                for (int d = 0; d < dirs.length; d++) {
                    pa[i] += a[i][d] * dirs[d][j] / norm;
                    pb[i] += b[i][d] * dirs[d][j] / norm;
                }
            }
            Arrays.sort(pa);
            Arrays.sort(pb);
            for (int i = 0; i < a.length; i++) {
                total += Math.abs(pa[i] - pb[i]);
            }
        }
        return total / (k * a.length);
    }

    private static float[][] random(Random r, int n, int d, float shift) {
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                row[i] = (float) r.nextGaussian() + shift;
            }
        }
        return x;
    }

    private static NDArray array(NDManager m, float[][] x) {
        return m.create(x);
    }

    @Test
    void matchesTheDirectComputation() {
        Random r = new Random(3);
        float[][] a = random(r, 7, 3, 0);
        float[][] b = random(r, 7, 3, 0.5f);
        float[][] dirs = random(r, 3, 5, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            double got = SlicedWasserstein.distance(array(m, a), array(m, b), array(m, dirs))
                    .getFloat();
            assertThat(got).isCloseTo(direct(a, b, dirs), within(1e-5));
        }
    }

    @Test
    void zeroForIdenticalSetsAndInvariantToPermutation() {
        Random r = new Random(5);
        float[][] a = random(r, 16, 4, 0);
        float[][] shuffled = a.clone();
        java.util.Collections.shuffle(Arrays.asList(shuffled), new Random(9));
        try (NDManager m = NDManager.newBaseManager()) {
            SlicedWasserstein swd = new SlicedWasserstein(32);
            assertThat(swd.distance(array(m, a), array(m, a), m).getFloat()).isEqualTo(0f);
            assertThat(swd.distance(array(m, a), array(m, shuffled), m).getFloat())
                    .isCloseTo(0f, within(1e-6f));
        }
    }

    @Test
    void positiveForShiftedSetsAndGrowsWithTheShift() {
        Random r = new Random(7);
        float[][] a = random(r, 64, 2, 0);
        float[][] near = random(new Random(8), 64, 2, 0.5f);
        float[][] far = random(new Random(8), 64, 2, 2f);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray dirs = array(m, random(new Random(1), 2, 64, 0));
            float d1 = SlicedWasserstein.distance(array(m, a), array(m, near), dirs).getFloat();
            float d2 = SlicedWasserstein.distance(array(m, a), array(m, far), dirs).getFloat();
            assertThat(d1).isPositive();
            assertThat(d2).isGreaterThan(d1);
        }
    }

    @Test
    void gradientPullsEachPointTowardsItsRankPartner() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one direction (the x axis): a's points sit left of b's, so each moves right
            NDArray a = m.create(new float[][] {{0f, 0f}, {1f, 0f}});
            NDArray b = m.create(new float[][] {{2f, 0f}, {3f, 0f}});
            NDArray dirs = m.create(new float[][] {{1f}, {0f}});
            a.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray d = SlicedWasserstein.distance(a, b, dirs);
                assertThat(d.getFloat()).isCloseTo(2f, within(1e-6f));
                gc.backward(d);
            }
            // d = mean |a_i − b_i| over 2 ranks: ∂/∂a_ix = −1/2
            assertThat(a.getGradient().toFloatArray()).usingComparatorWithPrecision(1e-6f)
                    .containsExactly(-0.5f, 0f, -0.5f, 0f);
        }
    }

    @Test
    void rejectsSetsOfDifferentShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> SlicedWasserstein.distance(m.zeros(new Shape(3, 2)),
                    m.zeros(new Shape(4, 2)), m.ones(new Shape(2, 1))))
                    .hasMessageContaining("one shape");
        }
    }
}
