package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.data.ClassNames;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.UnlabelledImages;
import io.latentbridge.nn.Networks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight average follows its formula, swaps back exactly, and survives a resume. */
class WeightAverageTest {

    @TempDir
    Path tmp;

    private static ParameterGroup group(NDManager m) {
        Block net = Networks.linear(2);
        net.initialize(m, DataType.FLOAT32, new Shape(1, 3));
        return new ParameterGroup("g", Map.of("net", net));
    }

    private static void fill(ParameterGroup g, float value) {
        for (var p : g.parameters()) {
            p.getValue().getArray().muli(0).addi(value);
        }
    }

    private static float first(ParameterGroup g) {
        return g.parameters().get(0).getValue().getArray().toFloatArray()[0];
    }

    @Test
    void followsTheWarmedUpFormulaAndSwapsBack() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterGroup g = group(m);
            WeightAverage average = new WeightAverage(0.9, List.of(g));
            assertThat(average.decayAt(1)).isCloseTo(2.0 / 11, within(1e-12));
            assertThat(average.decayAt(1000)).isEqualTo(0.9);
            fill(g, 1f);
            average.update(); // the first update copies the weights
            fill(g, 3f);
            average.update(); // d = 3/12
            fill(g, 5f);
            average.update(); // d = 4/13
            double expected = (4.0 / 13) * ((3.0 / 12) * 1 + (9.0 / 12) * 3) + (9.0 / 13) * 5;
            average.swap();
            assertThat((double) first(g)).isCloseTo(expected, within(1e-5));
            average.swap();
            assertThat(first(g)).isEqualTo(5f);

            // the state written and read back gives the same average
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            average.write(new DataOutputStream(bytes));
            WeightAverage copy = new WeightAverage(0.9, List.of(g));
            copy.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), m);
            copy.swap();
            assertThat((double) first(g)).isCloseTo(expected, within(1e-5));
        }
    }

    /** Trains DivergenceTest's toy model; a NaN at {@code killAt} stops the run like a kill. */
    private static float[] train(TrainConfig config, Path checkpoints, int killAt) {
        float[] pixels = new float[16 * 4];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) r.nextDouble();
        }
        ImageSet images = new ImageSet(16, 1, 2, 2, pixels);
        int[] labels = new int[16];
        for (int i = 0; i < 16; i++) {
            labels[i] = i % 10;
        }
        LabelledImages source = new LabelledImages(images, labels, ClassNames.digits());
        try (NDManager manager = NDManager.newBaseManager()) {
            DivergenceTest.Poisoned model = new DivergenceTest.Poisoned(killAt);
            TrainingLoop loop = new TrainingLoop(config, List.of(),
                    checkpoints == null ? null : new Checkpoints(checkpoints, 2));
            loop.initialize(model, manager);
            loop.train(model, source, new UnlabelledImages(images), manager, "toy");
            return model.group.parameters().get(0).getValue().getArray().toFloatArray();
        }
    }

    private static TrainConfig config(double ema) {
        TrainConfig c = TrainConfig.of(12, 4, 1e-2, "constant", "adam", 1, 5, 0, 8);
        return new TrainConfig(c.steps(), c.batchSize(), c.lr(), c.lrSchedule(), c.optimizer(),
                c.seed(), c.logEvery(), c.judgeSteps(), c.evalBatch(), 0, 0, 0, 3, 2, "stop",
                "last", 5, 1000, ema);
    }

    @Test
    void aRunKilledAndResumedEndsWithTheSameAverage() {
        float[] uninterrupted = train(config(0.8), tmp.resolve("a"), -1);
        assertThatThrownBy(() -> train(config(0.8), tmp.resolve("b"), 8))
                .isInstanceOf(DivergenceException.class);
        float[] resumed = train(config(0.8), tmp.resolve("b"), -1);
        assertThat(resumed).containsExactly(uninterrupted);
        // and the average is what the run ends with: the last weights differ from it
        float[] last = train(config(0.0), tmp.resolve("c"), -1);
        assertThat(last).isNotEqualTo(uninterrupted);
    }
}
