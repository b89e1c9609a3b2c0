package io.latentbridge.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.latentbridge.train.Inference;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatedMlpTest {

    @Test
    void headsHaveTheirWidthsAndTheGatedFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            GatedMlp mlp = new GatedMlp(5, new int[] {16, 16}, new int[] {3, 2},
                    new boolean[] {false, true});
            mlp.initialize(m);
            NDArray u = m.randomNormal(new Shape(6, 5));
            Inference inf = new Inference(m);
            List<NDArray> out = mlp.forward(inf, u);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(6, 3));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(6, 2));
            assertThat(out.get(1).min().getFloat()).isPositive();

            // head 0 recomputed from its blocks: (1 − g)·W_u u + g·Δ, [Δ, g_logit] = W_h h
            var blocks = mlp.blocks();
            NDArray h = inf.forward(blocks.get("trunk"), u);
            NDArray both = inf.forward(blocks.get("head0_gate"), h);
            NDArray g = Activation.sigmoid(both.get(":, 3:"));
            NDArray expected = inf.forward(blocks.get("head0_skip"), u).mul(g.neg().add(1f))
                    .add(both.get(":, :3").mul(g));
            assertThat(out.get(0).toFloatArray()).usingComparatorWithPrecision(1e-5f)
                    .containsExactly(expected.toFloatArray());
        }
    }

    @Test
    void gradientsReachTheTrunkTheGateAndTheSkipPath() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            GatedMlp mlp = new GatedMlp(4, new int[] {8}, new int[] {2}, new boolean[] {true});
            mlp.initialize(m);
            ParameterStore store = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = mlp.forward((Block b, NDArray x) -> b.forward(store, new NDList(x),
                        true).singletonOrThrow(), m.randomNormal(new Shape(3, 4))).get(0);
                gc.backward(y.sum());
            }
            for (var e : mlp.blocks().entrySet()) {
                for (Pair<String, Parameter> p : e.getValue().getParameters()) {
                    float norm = p.getValue().getArray().getGradient().abs().sum().getFloat();
                    assertThat(norm).as(e.getKey() + "." + p.getKey()).isPositive();
                }
            }
        }
    }
}
