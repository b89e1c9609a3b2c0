package io.latentbridge.method;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.latentbridge.TestData;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.EvaluationImages;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.Task;
import io.latentbridge.data.UnlabelledImages;
import io.latentbridge.eval.Predictions;
import io.latentbridge.train.Inference;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.StepLog;
import io.latentbridge.train.TrainConfig;
import io.latentbridge.train.TrainingListener;
import io.latentbridge.train.TrainingLoop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every registered method must do, on a few hundred images and a few steps. */
class MethodContractTest {

    static LabelledImages source;
    static UnlabelledImages target;
    static EvaluationImages targetTest;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        Task t = Task.load("mnist", "usps", new DataRoots(TestData.root(), null, null, false),
                new Downloader(), Task.Options.DEFAULT);
        int[] idx = new int[300];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        source = new LabelledImages(t.sourceTrain().images().select(idx),
                java.util.Arrays.copyOf(t.sourceTrain().labels(), 300), t.sourceTrain().classes());
        target = new UnlabelledImages(t.targetTrain().images().select(idx));
        targetTest = t.targetTest().head(64);
    }

    static Stream<Method<?>> methods() {
        return new MethodRegistry().methods().stream();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void trainsStaysFiniteAndReloadsExactly(Method<?> method) throws Exception {
        ModelShape shape = new ModelShape(1, 28, 10);
        TrainConfig config = TrainConfig.of(12, 16, 1e-3, "dann", "adam", 3, 4, 0, 64);
        List<StepLog> logs = new ArrayList<>();
        TrainingListener capture = new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                logs.add(log);
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            MethodModel model = method.createUnchecked(method.defaults(), shape);
            TrainingLoop loop = new TrainingLoop(config, List.of(capture));
            loop.initialize(model, manager);
            loop.train(model, source, target, manager, method.name());
            assertThat(logs).hasSize(3);
            logs.forEach(l -> l.values().values().forEach(v -> assertThat(v).isFinite()));

            try (NDManager scope = manager.newSubManager()) {
                Inference inf = new Inference(scope);
                NDArray x = TrainingLoop.range(scope, targetTest.images(), 0, 8);
                assertThat(model.classify(inf, x).getShape().getShape()).containsExactly(8, 10);
                assertThat(model.features(inf, x).getShape().get(0)).isEqualTo(8);
            }
            int[] before = Predictions.predict(model, targetTest.images(), 32, manager);
            for (ParameterGroup g : model.groups()) {
                g.save(tmp);
            }
            MethodModel reloaded = method.createUnchecked(method.defaults(), shape);
            new TrainingLoop(config.withSeed(99), List.of()).initialize(reloaded, manager);
            for (ParameterGroup g : reloaded.groups()) {
                g.load(tmp, manager);
            }
            assertThat(Predictions.predict(reloaded, targetTest.images(), 32, manager))
                    .containsExactly(before);
        }
    }
}
