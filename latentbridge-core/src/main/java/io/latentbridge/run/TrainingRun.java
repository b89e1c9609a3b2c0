package io.latentbridge.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.Task;
import io.latentbridge.method.sourceonly.SourceOnly;
import io.latentbridge.method.sourceonly.SourceOnlyConfig;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.MetricsFile;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.TrainConfig;
import io.latentbridge.train.TrainingListener;
import io.latentbridge.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One training run from data to run directory: load the task, train the method, train the
 * translation judge, measure, and write {@code config.json}, {@code metrics.jsonl},
 * {@code model/}, the translation grids and, last, {@code result.json} — so a directory without
 * {@code result.json} is an unfinished run.
 */
public final class TrainingRun {

    /** File names inside a run directory. */
    public static final String CONFIG = "config.json";
    /** Metrics, one JSON object per line. */
    public static final String METRICS = "metrics.jsonl";
    /** The result, written last. */
    public static final String RESULT = "result.json";
    /** Saved parameters. */
    public static final String MODEL = "model";

    /**
     * What to run.
     *
     * @param method the method
     * @param config the resolved configuration
     * @param source source domain
     * @param target target domain
     * @param out the run directory
     * @param roots where data is
     * @param engine the engine in use
     * @param epochs passes over the source training set, converted to steps once the data is
     *     loaded; null keeps the configured steps
     * @param data image size and channels
     */
    public record Request(Method<?> method, ConfigResolver.Resolved config, String source,
            String target, Path out, DataRoots roots, EngineInfo engine, Integer epochs,
            Task.Options data) {}

    private final Function<String, List<TrainingListener>> progress;

    /** @param progress makes the progress listeners for a phase ({@code model}, {@code judge}) */
    public TrainingRun(Function<String, List<TrainingListener>> progress) {
        this.progress = progress;
    }

    /**
     * Runs it.
     *
     * @param request what to run
     * @return the result, also written to {@code result.json}
     * @throws IOException when the run directory cannot be written
     */
    public RunResult run(Request request) throws IOException {
        Path out = request.out();
        if (Files.exists(out.resolve(RESULT))) {
            throw new ConfigException(out + ": already holds a finished run (choose another --out)");
        }
        Task task = Task.load(request.source(), request.target(), request.roots(),
                new Downloader(), request.data());
        Files.createDirectories(out);
        if (!Files.isWritable(out)) {
            throw new ConfigException(out + ": run directory is not writable");
        }
        Files.deleteIfExists(out.resolve(METRICS));
        TrainConfig train = request.config().train();
        if (request.epochs() != null) {
            train = train.withSteps(Math.max(1,
                    request.epochs() * task.sourceTrain().size() / train.batchSize()));
        }
        ModelShape shape = new ModelShape(task.preprocessing().channels(),
                task.preprocessing().size(), task.classCount());
        JsonNode methodConfig = Json.json().valueToTree(request.config().method());
        RunConfig runConfig = new RunConfig(request.method().name(), request.source(),
                request.target(), train, methodConfig,
                new Provenance(Provenance.version(), Provenance.commit(),
                        System.getProperty("java.version"), request.engine(), train.seed(), shape,
                        task.files()));
        Json.write(out.resolve(CONFIG), runConfig);

        try (NDManager manager = NDManager.newBaseManager(request.engine().toDevice())) {
            MethodModel model = request.method().createUnchecked(request.config().method(), shape);
            TrainingLoop.Summary summary = train(model, train, task, out, "model", manager);
            for (var g : model.groups()) {
                g.save(out.resolve(MODEL));
            }
            MethodModel judge = null;
            if (train.judgeSteps() > 0 && model.translation().isPresent()) {
                judge = judgeModel(shape);
                train(judge, judgeConfig(train), task, out, "judge", manager);
                for (var g : judge.groups()) {
                    g.save(out.resolve(MODEL).resolve("judge"));
                }
            }
            Measurements.Measured m = Measurements.measure(model, judge, task, train.evalBatch(),
                    manager);
            Measurements.writeGrids(model, task, out, manager);
            RunResult result = new RunResult(request.method().name(), request.source(),
                    request.target(), train.seed(), train.steps(), m.target().accuracy(),
                    m.source().accuracy(), m.target().perClass(), m.target().confusion(),
                    m.translationAccuracy(), m.judgeTargetAccuracy(), "last",
                    summary.wallSeconds(), summary.imagesPerSecond());
            Json.write(out.resolve(RESULT), result);
            return result;
        }
    }

    private TrainingLoop.Summary train(MethodModel model, TrainConfig config, Task task, Path out,
            String phase, NDManager manager) {
        List<TrainingListener> listeners = new ArrayList<>(progress.apply(phase));
        listeners.add(new MetricsFile(out.resolve(METRICS), phase));
        TrainingLoop loop = new TrainingLoop(config, listeners);
        loop.initialize(model, manager);
        return loop.train(model, task.sourceTrain(), task.targetTrain(), manager, phase);
    }

    /** The judge: a source-only classifier with the shared backbone. */
    static MethodModel judgeModel(ModelShape shape) {
        return SourceOnly.METHOD.create(SourceOnlyConfig.DEFAULT, shape);
    }

    /** The judge trains with the run's batch size and seed, for {@code judge_steps} steps. */
    static TrainConfig judgeConfig(TrainConfig train) {
        return train.withSteps(train.judgeSteps());
    }
}
