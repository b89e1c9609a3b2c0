package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.data.ClassNames;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.UnlabelledImages;
import io.latentbridge.nn.GradientReversal;
import io.latentbridge.nn.Networks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two sub-models, each with its own optimizer, updated in alternation within one step — the
 * pattern of adversarial training: each {@code minimize} moves only the groups it names.
 */
class ParameterGroupsTest {

    static final class Alternating implements MethodModel {
        final Block generator = Networks.linear(3);
        final Block critic = Networks.linear(1);
        final ParameterGroup g = new ParameterGroup("generator", Map.of("net", generator));
        final ParameterGroup d = new ParameterGroup("critic", Map.of("net", critic));
        float[] generatorBefore;
        float[] criticBefore;
        float[] generatorAfterCriticStep;
        float[] criticAfterCriticStep;

        @Override
        public List<ParameterGroup> groups() {
            return List.of(g, d);
        }

        @Override
        public void initialize(NDManager manager) {
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            critic.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
        }

        static float[] weights(ParameterGroup group) {
            return group.parameters().get(0).getValue().getArray().toFloatArray();
        }

        @Override
        public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
            NDArray x = xs.reshape(xs.getShape().get(0), -1);
            generatorBefore = weights(g);
            criticBefore = weights(d);
            // critic phase: only the critic moves, though the loss depends on both
            NDArray criticLoss = ctx.forward(critic, ctx.forward(generator, x)).square().mean();
            ctx.minimize(criticLoss, d);
            generatorAfterCriticStep = weights(g);
            criticAfterCriticStep = weights(d);
            // generator phase: only the generator moves; stale critic gradients are gone
            NDArray genLoss = ctx.forward(critic, GradientReversal.reverse(ctx.forward(generator, x), 1f))
                    .square().mean();
            ctx.minimize(genLoss, g);
            return Map.of("critic", (double) criticLoss.getFloat(), "gen", (double) genLoss.getFloat());
        }

        @Override
        public NDArray classify(Inference inference, NDArray images) {
            return images.reshape(images.getShape().get(0), -1);
        }

        @Override
        public NDArray features(Inference inference, NDArray images) {
            return classify(inference, images);
        }
    }

    @Test
    void eachMinimizeMovesOnlyItsGroup() {
        float[] pixels = new float[8 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 7) / 7f;
        }
        ImageSet images = new ImageSet(8, 1, 2, 2, pixels);
        TrainConfig config = TrainConfig.of(1, 4, 1e-2, "constant", "adam", 1, 1, 0, 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Alternating model = new Alternating();
            TrainingLoop loop = new TrainingLoop(config, List.of());
            loop.initialize(model, manager);
            loop.train(model, new LabelledImages(images, new int[8], ClassNames.digits()),
                    new UnlabelledImages(images), manager, "toy");
            assertThat(model.generatorAfterCriticStep).containsExactly(model.generatorBefore);
            assertThat(model.criticAfterCriticStep).isNotEqualTo(model.criticBefore);
            assertThat(Alternating.weights(model.g)).isNotEqualTo(model.generatorBefore);
            assertThat(Alternating.weights(model.d)).containsExactly(model.criticAfterCriticStep);
        }
    }
}
