package io.latentbridge.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The class-prior weights of the weighted MMD against hand-computed values. */
class ClassPriorWeightsTest {

    @Test
    void weightsAreTargetShareOverSourceCountAndSumToOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            // source labels: class 0 twice, class 1 once, class 2 absent
            var ys = m.create(new float[] {0, 1, 0});
            // target logits whose softmax means are (0.5, 0.25, 0.25): two rows, exact values
            float l = (float) Math.log(3);
            var logits = m.create(new float[] {l, 0, 0, 0, l, l}, new Shape(2, 3));
            // softmax rows: (3/5, 1/5, 1/5) and (1/7, 3/7, 3/7); mean p = (26/70, 22/70, 22/70)
            double p0 = 26.0 / 70;
            double p1 = 22.0 / 70;
            double w0 = p0 / 2;
            double w1 = p1;
            double z = 2 * w0 + w1; // class 2's share has no source image: renormalised away
            float[] w = ClassPriorWeights.forSource(ys, logits).toFloatArray();
            assertThat(w).hasSize(3);
            assertThat((double) w[0]).isCloseTo(w0 / z, within(1e-6));
            assertThat((double) w[1]).isCloseTo(w1 / z, within(1e-6));
            assertThat((double) w[2]).isCloseTo(w0 / z, within(1e-6));
            assertThat((double) (w[0] + w[1] + w[2])).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void balancedPredictionsOnABalancedBatchGiveUniformWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            var ys = m.create(new float[] {0, 1, 2, 0, 1, 2});
            var logits = m.zeros(new Shape(4, 3));
            for (float w : ClassPriorWeights.forSource(ys, logits).toFloatArray()) {
                assertThat(w).isCloseTo(1 / 6f, within(1e-6f));
            }
        }
    }
}
