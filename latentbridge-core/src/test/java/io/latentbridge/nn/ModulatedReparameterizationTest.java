package io.latentbridge.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.latentbridge.nn.ModulatedReparameterization.Mode;
import org.junit.jupiter.api.Test;

class ModulatedReparameterizationTest {

    @Test
    void noiseModeHasMeanMuPlusSigmaTimesM() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            int n = 200_000;
            NDArray mu = m.full(new Shape(n, 2), 1f);
            NDArray sigma = m.create(new float[] {0.5f, 2f}).broadcast(new Shape(n, 2));
            NDArray mod = m.create(new float[] {1f, -0.5f}).broadcast(new Shape(n, 2));
            ModulatedReparameterization r = new ModulatedReparameterization(Mode.NOISE);
            NDArray z = r.sample(mu, sigma, mod, m.randomNormal(new Shape(n, 2)));
            assertThat(z.getShape()).isEqualTo(new Shape(n, 2));
            float[] mean = z.mean(new int[] {0}).toFloatArray();
            assertThat(mean[0]).isCloseTo(1.5f, within(0.01f));   // 1 + 0.5·1
            assertThat(mean[1]).isCloseTo(0f, within(0.03f));     // 1 + 2·(−0.5)
            float[] expected = r.mean(mu, sigma, mod).get(0).toFloatArray();
            assertThat(expected).containsExactly(1.5f, 0f);
        }
    }

    @Test
    void gradientsFlowThroughMuSigmaAndModulation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mu = m.create(new float[] {0.2f, -0.1f});
            NDArray sigma = m.create(new float[] {0.5f, 1.5f});
            NDArray mod = m.create(new float[] {1f, 2f});
            NDArray eps = m.create(new float[] {0.3f, -0.4f});
            mu.setRequiresGradient(true);
            sigma.setRequiresGradient(true);
            mod.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray z = new ModulatedReparameterization(Mode.NOISE).sample(mu, sigma, mod, eps);
                assertThat(z.toFloatArray()[0]).isCloseTo(0.2f + 0.5f * 1.3f, within(1e-6f));
                gc.backward(z.sum());
            }
            assertThat(mu.getGradient().toFloatArray()).containsExactly(1f, 1f);
            float[] dSigma = sigma.getGradient().toFloatArray();   // m + ε
            assertThat(dSigma[0]).isCloseTo(1.3f, within(1e-6f));
            assertThat(dSigma[1]).isCloseTo(1.6f, within(1e-6f));
            assertThat(mod.getGradient().toFloatArray()).containsExactly(0.5f, 1.5f); // σ
        }
    }

    @Test
    void otherModes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mu = m.create(new float[] {1f});
            NDArray sigma = m.create(new float[] {2f});
            NDArray mod = m.create(new float[] {3f});
            NDArray eps = m.create(new float[] {5f});
            assertThat(new ModulatedReparameterization(Mode.REPLACE).sample(mu, sigma, mod, eps).getFloat()).isEqualTo(7f);
            assertThat(new ModulatedReparameterization(Mode.SHIFT).sample(mu, sigma, mod, eps).getFloat()).isEqualTo(14f);
            assertThat(new ModulatedReparameterization(Mode.NONE).sample(mu, sigma, mod, eps).getFloat()).isEqualTo(11f);
            assertThat(new ModulatedReparameterization(Mode.NOISE).sample(mu, sigma, mod, eps).getFloat()).isEqualTo(17f);
        }
    }
}
