package io.latentbridge.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.latentbridge.train.Schedule;
import org.junit.jupiter.api.Test;

class GradientReversalTest {

    @Test
    void forwardIsIdentityAndGradientIsMinusLambdaTimesUpstream() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, -2f, 3f});
            NDArray c = m.create(new float[] {0.5f, 2f, -1f});
            x.setRequiresGradient(true);
            float lambda = 0.3f;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = GradientReversal.reverse(x, lambda);
                // −λx + (1+λ)x is x up to float rounding
                assertThat(y.toFloatArray()).usingComparatorWithPrecision(1e-6f)
                        .containsExactly(1f, -2f, 3f);
                gc.backward(y.mul(c).sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            assertThat(grad[0]).isCloseTo(-0.15f, within(1e-6f));
            assertThat(grad[1]).isCloseTo(-0.6f, within(1e-6f));
            assertThat(grad[2]).isCloseTo(0.3f, within(1e-6f));
        }
    }

    @Test
    void layerTakesLambdaFromItsSchedule() {
        GradientReversal grl = new GradientReversal(Schedule.dannLambda(10, 1));
        assertThat(grl.lambda(0)).isEqualTo(0f);
        assertThat(grl.lambda(1)).isCloseTo(0.9999092f, within(1e-6f));
    }
}
