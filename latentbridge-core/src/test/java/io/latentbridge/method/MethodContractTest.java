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
import java.util.concurrent.atomic.AtomicBoolean;
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
        // and CDLM with its optional class-weighted MMD, entropy and pseudo-label terms, which the
        // defaults leave out (a low threshold, so that a few steps accept some pseudo-labels)
        io.latentbridge.method.cdlm.CdlmConfig d = io.latentbridge.method.cdlm.Cdlm.METHOD.defaults();
        var withMmd = new io.latentbridge.method.cdlm.CdlmConfig(d.hidden(), d.latent(),
                d.modulation(), d.modulationSignal(), d.classifierInput(), d.beta(), d.lambdaRec(),
                d.lambdaAdv(), d.gamma(), d.lambdaCons(), d.lambdaCls(), d.logVarClip(),
                d.lambdaCycle(), d.alignOn(), 1.0, 0.1, 1.0, 0.3, "distribution", 1.0);
        Method<?> cdlmMmd = Method.of("cdlm",
                "CDLM with lambda_mmd 1, lambda_ent 0.1, lambda_pseudo 1 at threshold 0.3, aligned,"
                        + " lambda_diversity 1",
                io.latentbridge.method.cdlm.CdlmConfig.class, withMmd,
                io.latentbridge.method.cdlm.Cdlm.METHOD::create);
        return Stream.concat(new MethodRegistry().methods().stream(), Stream.of(cdlmMmd));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void trainsStaysFiniteAndReloadsExactly(Method<?> method) throws Exception {
        ModelShape shape = new ModelShape(1, 28, 10);
        TrainConfig config = TrainConfig.of(12, 16, 1e-3, "dann", "adam", 3, 4, 0, 64);
        List<StepLog> logs = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            MethodModel model = train(method, config, manager, logs);
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

    /**
     * A run must not depend on when the JVM collects garbage. DJL's {@code NDArray.mul(Number)}
     * and its kin wrap the number in a tensor over a Java buffer and drop it at once; autograd
     * keeps that tensor for the backward pass, so a collection between forward and backward
     * used to hand the gradient freed memory (rare in practice, a flaky test or a corrupted step
     * now and then; every run under this test's collector thread). Same seed, same steps, with
     * and without a thread that collects continuously: every logged value must be identical.
     */
    @ParameterizedTest
    @MethodSource("methods")
    void trainingDoesNotDependOnGarbageCollection(Method<?> method) throws Exception {
        TrainConfig config = TrainConfig.of(6, 16, 1e-3, "dann", "adam", 3, 1, 0, 64);
        List<StepLog> quiet = train(method, config);
        List<StepLog> collected;
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
            }
        }, "gc-hammer");
        collector.setDaemon(true);
        collector.start();
        try {
            collected = train(method, config);
        } finally {
            running.set(false);
            collector.join();
        }
        assertThat(collected).hasSameSizeAs(quiet);
        for (int i = 0; i < quiet.size(); i++) {
            assertThat(collected.get(i).values()).as("step %d", quiet.get(i).step())
                    .isEqualTo(quiet.get(i).values());
        }
    }

    private static List<StepLog> train(Method<?> method, TrainConfig config) {
        List<StepLog> logs = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            train(method, config, manager, logs);
        }
        return logs;
    }

    /** Trains the method's default model on the small task, adding every log to {@code logs}. */
    private static MethodModel train(Method<?> method, TrainConfig config, NDManager manager,
            List<StepLog> logs) {
        TrainingListener capture = new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                logs.add(log);
            }
        };
        MethodModel model = method.createUnchecked(method.defaults(), new ModelShape(1, 28, 10));
        TrainingLoop loop = new TrainingLoop(config, List.of(capture));
        loop.initialize(model, manager);
        loop.train(model, source, target, manager, method.name());
        return model;
    }
}
