package io.latentbridge.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.Task;
import io.latentbridge.method.sourceonly.SourceOnly;
import io.latentbridge.method.sourceonly.SourceOnlyConfig;
import io.latentbridge.method.MethodRegistry;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.eval.ClassCollapse;
import io.latentbridge.eval.Predictions;
import io.latentbridge.eval.Selection;
import io.latentbridge.eval.Validators;
import io.latentbridge.train.Candidates;
import io.latentbridge.train.Checkpoints;
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
import java.util.Map;
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
    /** Candidate models of a selection protocol (removed when it has chosen). */
    public static final String CANDIDATES = "candidates";
    /** Crash-safe checkpoints of an unfinished run (removed when it finishes). */
    public static final String CHECKPOINTS = "checkpoints";

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
        if (Files.exists(out.resolve(CONFIG))) {
            throw new ConfigException(out + ": holds an unfinished run (continue it with --resume "
                    + out + ", or choose another --out)");
        }
        Task task = Task.load(request.source(), request.target(), request.roots(),
                new Downloader(), request.data());
        createWritable(out);
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
        Files.deleteIfExists(out.resolve(METRICS));
        Json.write(out.resolve(CONFIG), runConfig);
        return execute(request.method(), request.config().method(), train, task, shape, out,
                request.engine(), request.source(), request.target());
    }

    /**
     * Continues an unfinished run from its newest checkpoint (or from the start when it has
     * none), with the configuration recorded in its {@code config.json}. Batch order, noise and
     * jitter are functions of (seed, step), so on the same machine and thread count the result
     * is the one the uninterrupted run would have given.
     *
     * @param out the run directory
     * @param roots where data is
     * @param engine the engine in use
     * @return the result, also written to {@code result.json}
     * @throws IOException when the run directory cannot be read or written
     */
    public RunResult resume(Path out, DataRoots roots, EngineInfo engine) throws IOException {
        Path configFile = out.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(out + ": not a run directory (no " + CONFIG + ")");
        }
        if (Files.exists(out.resolve(RESULT))) {
            throw new ConfigException(out + ": the run is already finished (" + RESULT + " exists)");
        }
        RunConfig config;
        try {
            config = Json.json().readValue(configFile.toFile(), RunConfig.class);
        } catch (IOException e) {
            throw new ConfigException(configFile + ": not a readable run configuration ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Method<?> method = new MethodRegistry().find(config.method()).orElseThrow(() ->
                new ConfigException(configFile + ": unknown method '" + config.method() + "'"));
        Record methodConfig = Json.json().treeToValue(config.methodConfig(), method.configType());
        ModelShape shape = config.provenance().modelShape();
        Task task = Task.load(config.source(), config.target(), roots, new Downloader(),
                new Task.Options(shape.size(), shape.channels()));
        createWritable(out);
        List<Integer> steps = checkpoints(out, config.train()).steps();
        truncateMetrics(out.resolve(METRICS), steps.isEmpty() ? 0 : steps.get(steps.size() - 1));
        return execute(method, methodConfig, config.train(), task, shape, out, engine,
                config.source(), config.target());
    }

    private RunResult execute(Method<?> method, Record methodConfig, TrainConfig train, Task task,
            ModelShape shape, Path out, EngineInfo engine, String source, String target)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager(engine.toDevice())) {
            MethodModel model = method.createUnchecked(methodConfig, shape);
            boolean selecting = !"last".equals(train.select());
            LabelledImages sourceTrain = task.sourceTrain();
            LabelledImages sourceValidation = null;
            if (selecting) {
                int held = train.sourceValidation();
                if (held >= sourceTrain.size()) {
                    throw new ConfigException("source_validation (" + held + ") must be smaller"
                            + " than the source training split (" + sourceTrain.size() + ")");
                }
                // the held-out slice is the end of the source training split; it never trains
                sourceValidation = sourceTrain.range(sourceTrain.size() - held, sourceTrain.size());
                sourceTrain = sourceTrain.range(0, sourceTrain.size() - held);
            }
            // candidates are kept always: a protocol chooses among them, and their test
            // accuracies draw the accuracy-over-training curve of the report
            Candidates candidates = new Candidates(out.resolve(CANDIDATES), train.steps(),
                    train.selectCandidates());
            TrainingLoop loop = new TrainingLoop(train, listeners(out, "model"),
                    checkpoints(out, train), candidates);
            loop.initialize(model, manager);
            TrainingLoop.Summary summary = loop.train(model, sourceTrain, task.targetTrain(),
                    manager, "model");
            Map<Integer, double[]> accuracy = new java.util.HashMap<>();
            final MethodModel trained = model;
            // reporting only: measured while a candidate is loaded, after its scores
            java.util.function.IntConsumer measure = step -> accuracy.put(step, new double[] {
                Predictions.evaluate(trained, task.targetTest(), train.evalBatch(), manager).accuracy(),
                Predictions.evaluate(trained, task.sourceTest(), train.evalBatch(), manager).accuracy()});
            Selection.Outcome chosen = null;
            List<RunResult.Candidate> records = new ArrayList<>();
            if (selecting) {
                chosen = Selection.choose(model, candidates,
                        Validators.byName(train.select()).orElseThrow(),
                        new Selection.Data(sourceValidation,
                                Selection.spread(task.targetTrain(), VALIDATION_TARGETS)),
                        train.evalBatch(), manager, measure);
                for (Selection.Scored c : chosen.candidates()) {
                    double[] a = accuracy.get(c.step());
                    records.add(new RunResult.Candidate(c.step(), c.scores(), a[0], a[1]));
                }
            } else {
                List<Integer> steps = candidates.steps();
                for (int step : steps.subList(0, Math.max(0, steps.size() - 1))) {
                    candidates.load(step, model.groups(), manager);
                    measure.accept(step);
                    double[] a = accuracy.get(step);
                    records.add(new RunResult.Candidate(step, Map.of(), a[0], a[1]));
                }
                if (!steps.isEmpty()) {
                    // the last candidate is the final model: loaded last, measured once below
                    candidates.load(steps.get(steps.size() - 1), model.groups(), manager);
                }
            }
            for (var g : model.groups()) {
                g.save(out.resolve(MODEL));
            }
            MethodModel judge = null;
            if (train.judgeSteps() > 0 && model.translation().isPresent()) {
                judge = judgeModel(shape);
                TrainingLoop judgeLoop = new TrainingLoop(judgeConfig(train), listeners(out, "judge"));
                judgeLoop.initialize(judge, manager);
                judgeLoop.train(judge, sourceTrain, task.targetTrain(), manager, "judge");
                for (var g : judge.groups()) {
                    g.save(out.resolve(MODEL).resolve("judge"));
                }
            }
            Measurements.Measured m = Measurements.measure(model, judge, task, train.evalBatch(),
                    manager);
            Measurements.writeGrids(model, task, out, manager);
            String collapse = ClassCollapse.check(m.target().confusion(),
                    task.sourceTrain().classes(), target);
            if (collapse != null) {
                listeners(out, "model").forEach(l -> l.onEvent(collapse));
            }
            if (chosen == null && !candidates.steps().isEmpty()) {
                records.add(new RunResult.Candidate(train.steps(), Map.of(),
                        m.target().accuracy(), m.source().accuracy()));
            }
            RunResult result = new RunResult(method.name(), source, target,
                    train.seed(), train.steps(), m.target().accuracy(),
                    m.source().accuracy(), m.target().perClass(), m.target().confusion(),
                    m.translationAccuracy(), m.judgeTargetAccuracy(),
                    chosen == null ? "last" : chosen.protocol(),
                    summary.wallSeconds(), summary.imagesPerSecond(),
                    chosen == null ? null : chosen.step(), records);
            Json.write(out.resolve(RESULT), result);
            candidates.clear();
            // the final parameters are in model/: the checkpoints have done their job
            checkpoints(out, train).clear();
            return result;
        }
    }

    /** Unlabelled target images the validators see (a spread sample of the training split). */
    static final int VALIDATION_TARGETS = 2000;

    private List<TrainingListener> listeners(Path out, String phase) {
        List<TrainingListener> listeners = new ArrayList<>(progress.apply(phase));
        listeners.add(new MetricsFile(out.resolve(METRICS), phase));
        return listeners;
    }

    private static Checkpoints checkpoints(Path out, TrainConfig train) {
        return new Checkpoints(out.resolve(CHECKPOINTS), train.keepCheckpoints());
    }

    /**
     * Creates a run directory and checks it can be written, with one-line errors.
     *
     * @param out the directory
     * @throws IOException on an unexpected failure
     */
    public static void createWritable(Path out) throws IOException {
        try {
            Files.createDirectories(out);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ConfigException(out + ": exists and is not a directory");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException(out + ": cannot create the run directory (permission denied)");
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason() : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new ConfigException(out + ": cannot create the run directory (" + reason + ")");
        }
        Path probe = out.resolve(".write-test");
        try {
            Files.write(probe, new byte[0]);
            Files.delete(probe);
        } catch (IOException e) {
            throw new ConfigException(out + ": run directory is not writable");
        }
    }

    /** Drops the metric lines of steps after {@code step}: the resumed run writes them again. */
    static void truncateMetrics(Path metrics, int step) throws IOException {
        if (!Files.exists(metrics)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            JsonNode node;
            try {
                node = Json.json().readTree(line);
            } catch (IOException e) {
                break; // a line cut by the kill: everything after it is gone too
            }
            if (node == null || !"model".equals(node.path("phase").asText())
                    || node.path("step").asInt(0) > step) {
                break;
            }
            kept.add(line);
        }
        Path tmp = metrics.resolveSibling(metrics.getFileName() + ".tmp");
        Files.write(tmp, kept);
        Files.move(tmp, metrics, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
