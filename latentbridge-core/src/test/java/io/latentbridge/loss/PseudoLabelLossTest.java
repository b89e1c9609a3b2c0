package io.latentbridge.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** FixMatch's unlabelled term against its formula, computed by hand. */
class PseudoLabelLossTest {

    // clean-view logits: row 0 confident on class 2 (p ≈ 0.987), row 1 unsure, row 2 confident on 0
    private static final float[] CLEAN = {0f, 1f, 5.5f, 1f, 1.2f, 0.8f, 6f, 0f, 1.5f};
    private static final float[] JITTERED = {0.5f, 1f, 2f, 3f, -1f, 0f, -0.5f, 2f, 0.3f};

    @Test
    void matchesFormulaAndCountsOnlyConfidentImages() {
        double expected = 0;
        int accepted = 0;
        for (int i = 0; i < 3; i++) {
            double[] p = softmax(CLEAN, i);
            int label = 0;
            for (int k = 1; k < 3; k++) {
                label = p[k] > p[label] ? k : label;
            }
            if (p[label] >= 0.95) {
                accepted++;
                expected -= Math.log(softmax(JITTERED, i)[label]);
            }
        }
        assertThat(accepted).isEqualTo(2); // the setting means something: one image is rejected
        expected /= 3; // FixMatch divides by the batch, not by the accepted count
        try (NDManager m = NDManager.newBaseManager()) {
            PseudoLabelLoss.Result r = new PseudoLabelLoss(0.95).apply(
                    m.create(JITTERED, new Shape(3, 3)), m.create(CLEAN, new Shape(3, 3)));
            assertThat((double) r.loss().getFloat()).isCloseTo(expected, within(1e-5));
            assertThat(r.acceptedFraction().getFloat()).isCloseTo(2f / 3, within(1e-6f));
            // a threshold of 1 accepts nothing here, so there is no loss
            assertThat(new PseudoLabelLoss(1.0).apply(m.create(JITTERED, new Shape(3, 3)),
                    m.create(CLEAN, new Shape(3, 3))).loss().getFloat()).isZero();
        }
    }

    @Test
    void gradientReachesOnlyTheJitteredViewOfAcceptedImages() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray jittered = m.create(JITTERED, new Shape(3, 3));
            NDArray clean = m.create(CLEAN, new Shape(3, 3));
            jittered.setRequiresGradient(true);
            clean.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(new PseudoLabelLoss(0.95).apply(jittered, clean).loss());
            }
            float[] g = jittered.getGradient().toFloatArray();
            // row 0: (softmax − onehot(2)) / 3; the rejected row 1: nothing
            double[] q = softmax(JITTERED, 0);
            assertThat((double) g[0]).isCloseTo(q[0] / 3, within(1e-6));
            assertThat((double) g[2]).isCloseTo((q[2] - 1) / 3, within(1e-6));
            assertThat(new float[] {g[3], g[4], g[5]}).containsOnly(0f);
            assertThat(clean.getGradient().abs().sum().getFloat()).isZero();
        }
    }

    /**
     * Distribution alignment by hand: p̃_i ∝ p_i ⊙ mean(source softmax) / mean(p). The source
     * batch predicts class 1 far more often than the clean target batch does, so the unsure row
     * 1 (argmax class 1 at 0.40) crosses a threshold of 0.6 only after the alignment.
     */
    @Test
    void distributionAlignmentMatchesFormula() {
        float[] sourceLogits = {0f, 3f, 0f, 0f, 3f, 0f, 0f, 0f, 2f, 0f, 3f, 0f};
        double[] sourceMean = new double[3];
        double[] targetMean = new double[3];
        for (int i = 0; i < 4; i++) {
            double[] q = softmax(sourceLogits, i);
            for (int k = 0; k < 3; k++) {
                sourceMean[k] += q[k] / 4;
            }
        }
        double[][] p = new double[3][];
        for (int i = 0; i < 3; i++) {
            p[i] = softmax(CLEAN, i);
            for (int k = 0; k < 3; k++) {
                targetMean[k] += p[i][k] / 3;
            }
        }
        double expected = 0;
        int accepted = 0;
        for (int i = 0; i < 3; i++) {
            double[] a = new double[3];
            double z = 0;
            for (int k = 0; k < 3; k++) {
                a[k] = p[i][k] * sourceMean[k] / targetMean[k];
                z += a[k];
            }
            int label = 0;
            for (int k = 0; k < 3; k++) {
                a[k] /= z;
                label = a[k] > a[label] ? k : label;
            }
            if (a[label] >= 0.6) {
                accepted++;
                expected -= Math.log(softmax(JITTERED, i)[label]);
            }
        }
        assertThat(accepted).isEqualTo(3);
        expected /= 3;
        try (NDManager m = NDManager.newBaseManager()) {
            PseudoLabelLoss loss = new PseudoLabelLoss(0.6);
            NDArray jittered = m.create(JITTERED, new Shape(3, 3));
            NDArray clean = m.create(CLEAN, new Shape(3, 3));
            assertThat(loss.apply(jittered, clean).acceptedFraction().getFloat())
                    .isCloseTo(2f / 3, within(1e-6f)); // without the alignment row 1 is out
            PseudoLabelLoss.Result r = loss.applyAligned(jittered, clean,
                    m.create(sourceLogits, new Shape(4, 3)));
            assertThat((double) r.loss().getFloat()).isCloseTo(expected, within(1e-5));
            assertThat(r.acceptedFraction().getFloat()).isCloseTo(1f, within(1e-6f));
        }
    }

    @Test
    void rejectsThresholdsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new PseudoLabelLoss(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new PseudoLabelLoss(1.5)).hasMessageContaining("(0, 1]");
    }

    private static double[] softmax(float[] logits, int row) {
        double z = 0;
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = Math.exp(logits[row * 3 + k]);
            z += p[k];
        }
        for (int k = 0; k < 3; k++) {
            p[k] /= z;
        }
        return p;
    }
}
