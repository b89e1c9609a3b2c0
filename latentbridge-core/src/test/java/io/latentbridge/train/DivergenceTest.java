package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.data.ClassNames;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.UnlabelledImages;
import io.latentbridge.nn.Networks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A NaN stops training with a message naming what and when, and listeners hear of it. */
class DivergenceTest {

    /** A tiny model whose loss becomes NaN at a chosen step. */
    static final class Poisoned implements MethodModel {
        final Block linear = Networks.linear(10);
        final ParameterGroup group = new ParameterGroup("toy", Map.of("linear", linear));
        final int badStep;

        Poisoned(int badStep) {
            this.badStep = badStep;
        }

        @Override
        public List<ParameterGroup> groups() {
            return List.of(group);
        }

        @Override
        public void initialize(NDManager manager) {
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        }

        @Override
        public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
            NDArray loss = ctx.forward(linear, xs.reshape(xs.getShape().get(0), -1)).square().mean();
            if (ctx.step() == badStep) {
                loss = loss.mul(Float.NaN);
            }
            ctx.minimize(loss, group);
            return Map.of("loss", (double) loss.getFloat());
        }

        @Override
        public NDArray classify(Inference inference, NDArray images) {
            return inference.forward(linear, images.reshape(images.getShape().get(0), -1));
        }

        @Override
        public NDArray features(Inference inference, NDArray images) {
            return classify(inference, images);
        }
    }

    @Test
    void nanLossStopsTheRunNamingStepAndTerm() {
        ImageSet images = new ImageSet(8, 1, 2, 2, new float[32]);
        LabelledImages source = new LabelledImages(images, new int[8], ClassNames.digits());
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEvent(String event) {
                events.add(event);
            }
        };
        TrainConfig config = new TrainConfig(10, 4, 1e-3, "constant", "adam", 1, 5, 0, 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Poisoned model = new Poisoned(4);
            TrainingLoop loop = new TrainingLoop(config, List.of(listener));
            loop.initialize(model, manager);
            assertThatThrownBy(() -> loop.train(model, source, new UnlabelledImages(images), manager, "toy"))
                    .isInstanceOf(DivergenceException.class)
                    .hasMessage("training diverged: the total loss is not finite at step 4");
        }
        assertThat(events).containsExactly("training diverged: the total loss is not finite at step 4");
    }
}
