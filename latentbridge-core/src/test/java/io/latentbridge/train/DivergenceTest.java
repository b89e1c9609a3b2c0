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
        final int times;
        int poisoned;

        Poisoned(int badStep) {
            this(badStep, Integer.MAX_VALUE);
        }

        /** Poisoned at {@code badStep} the first {@code times} times it is reached. */
        Poisoned(int badStep, int times) {
            this.badStep = badStep;
            this.times = times;
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
            if (ctx.step() == badStep && poisoned < times) {
                poisoned++;
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
        TrainConfig config = TrainConfig.of(10, 4, 1e-3, "constant", "adam", 1, 5, 0, 8);
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

    private static TrainConfig retrying(int steps) {
        TrainConfig c = TrainConfig.of(steps, 4, 1e-3, "constant", "adam", 1, 5, 0, 8);
        return new TrainConfig(c.steps(), c.batchSize(), c.lr(), c.lrSchedule(), c.optimizer(),
                c.seed(), c.logEvery(), c.judgeSteps(), c.evalBatch(), 0, 0, 0, 3, 2, "retry", "last",
                5, 1000, 0.0);
    }

    @Test
    void retryGoesBackToTheLastCheckpointWithHalfTheLearningRate(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        ImageSet images = new ImageSet(8, 1, 2, 2, new float[32]);
        LabelledImages source = new LabelledImages(images, new int[8], ClassNames.digits());
        List<String> events = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEvent(String event) {
                events.add(event);
            }

            @Override
            public void onStep(int step) {
                steps.add(step);
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            Poisoned model = new Poisoned(8, 2);
            Checkpoints checkpoints = new Checkpoints(tmp.resolve("ck"), 2);
            TrainingLoop loop = new TrainingLoop(retrying(10), List.of(listener), checkpoints);
            loop.initialize(model, manager);
            TrainingLoop.Summary s = loop.train(model, source, new UnlabelledImages(images),
                    manager, "toy");
            assertThat(s.steps()).isEqualTo(10);
        }
        assertThat(events).containsSubsequence(
                "training diverged: the total loss is not finite at step 8",
                "retrying from the checkpoint of step 6 with lr 5.0E-4",
                "resumed from the checkpoint of step 6",
                "training diverged: the total loss is not finite at step 8",
                "retrying from the checkpoint of step 6 with lr 2.5E-4");
        assertThat(steps).endsWith(7, 8, 9, 10);
    }

    @Test
    void retryGivesUpAfterThreeAttempts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        ImageSet images = new ImageSet(8, 1, 2, 2, new float[32]);
        LabelledImages source = new LabelledImages(images, new int[8], ClassNames.digits());
        try (NDManager manager = NDManager.newBaseManager()) {
            Poisoned model = new Poisoned(5);
            TrainingLoop loop = new TrainingLoop(retrying(10), List.of(),
                    new Checkpoints(tmp.resolve("ck"), 2));
            loop.initialize(model, manager);
            assertThatThrownBy(() -> loop.train(model, source, new UnlabelledImages(images),
                    manager, "toy")).isInstanceOf(DivergenceException.class);
            assertThat(model.poisoned).isEqualTo(1 + TrainingLoop.RETRIES);
        }
    }
}
