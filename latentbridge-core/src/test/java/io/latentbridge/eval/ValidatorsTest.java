package io.latentbridge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The label-free validators against their published formulas, and their data declarations. */
class ValidatorsTest {

    @Test
    void sndOfIdenticalPredictionsIsTheLargestEntropy() {
        // every neighbour equally similar: each row is uniform over n − 1 neighbours
        float[][] logits = new float[5][];
        for (int i = 0; i < 5; i++) {
            logits[i] = new float[] {1f, 2f, 3f};
        }
        assertThat(Validators.softNeighbourhoodDensity(logits, 0.05))
                .isCloseTo(Math.log(4), within(1e-9));
    }

    @Test
    void sndMatchesAHandComputation() {
        // two confident classes, two items each: p ≈ one-hot, so similarities are 1 within a
        // class and 0 across; softmax(s/τ) over 3 neighbours puts e^{20}/(e^{20} + 2) on the twin
        float[][] logits = {{50f, 0f}, {50f, 0f}, {0f, 50f}, {0f, 50f}};
        double q = Math.exp(20) / (Math.exp(20) + 2);
        double r = 1 / (Math.exp(20) + 2);
        double expected = -(q * Math.log(q) + 2 * r * Math.log(r));
        assertThat(Validators.softNeighbourhoodDensity(logits, 0.05)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void devWithAConstantLossIsThatLossWhateverTheWeights() {
        // the control variate's point: E[w] = 1 is known, so the weights' noise cancels
        double[] w = {0.2, 3.0, 0.7, 1.9, 0.05};
        double[] loss = {0.4, 0.4, 0.4, 0.4, 0.4};
        assertThat(Validators.devRisk(w, loss)).isCloseTo(0.4, within(1e-12));
        double[] ones = {1, 1, 1};
        double[] l = {0.1, 0.2, 0.6};
        assertThat(Validators.devRisk(ones, l)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void crossEntropyAndAccuracyMatchTheirFormulas() {
        float[][] logits = {{0f, Float.valueOf((float) Math.log(3))}, {2f, 0f}};
        assertThat(Validators.crossEntropy(logits, new int[] {1, 1}))
                .containsExactly(new double[] {Math.log(4.0 / 3), Math.log(1 + Math.exp(2))},
                        within(1e-6));
        assertThat(Validators.accuracy(logits, new int[] {1, 1})).isEqualTo(0.5);
    }

    @Test
    void importanceWeightsAreNearOneForOneDistributionAndTrackTheRatio() {
        Random r = new Random(3);
        float[][] a = new float[400][2];
        float[][] b = new float[400][2];
        for (int i = 0; i < 400; i++) {
            a[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
            b[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
        }
        try (NDManager m = NDManager.newBaseManager()) {
            double[] w = ImportanceWeights.estimate(a, b, m);
            double mean = java.util.Arrays.stream(w).average().orElseThrow();
            assertThat(mean).isCloseTo(1.0, within(0.1));
            // shift the target: source points on its side get larger weights
            for (float[] row : b) {
                row[0] += 1.5f;
            }
            double[] shifted = ImportanceWeights.estimate(a, b, m);
            int hi = 0;
            for (int i = 1; i < a.length; i++) {
                if (a[i][0] > a[hi][0]) {
                    hi = i;
                }
            }
            int lo = 0;
            for (int i = 1; i < a.length; i++) {
                if (a[i][0] < a[lo][0]) {
                    lo = i;
                }
            }
            assertThat(shifted[hi]).isGreaterThan(1).isGreaterThan(shifted[lo] * 10);
        }
    }

    @Test
    void aValidatorSeesOnlyWhatItDeclared() {
        CandidateOutputs.Outputs o = new CandidateOutputs.Outputs(new float[1][1], new float[1][1]);
        CandidateOutputs targetOnly = new CandidateOutputs(Set.of(ValidationView.TARGET_UNLABELLED),
                null, null, o);
        assertThat(targetOnly.target()).isSameAs(o);
        assertThatThrownBy(targetOnly::sourceLabels).hasMessageContaining("SOURCE_VALIDATION");
        assertThat(Validators.SND.views()).containsExactly(ValidationView.TARGET_UNLABELLED);
        assertThat(Validators.SOURCE_VAL.views()).containsExactly(ValidationView.SOURCE_VALIDATION);
        // no validator can even name target labels: the views have none
        assertThat(ValidationView.values()).hasSize(2);
    }
}
