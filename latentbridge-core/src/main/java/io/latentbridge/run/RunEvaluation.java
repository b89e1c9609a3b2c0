package io.latentbridge.run;

import ai.djl.ndarray.NDManager;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.Task;
import io.latentbridge.method.MethodRegistry;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reloads a finished run's model from its directory and measures it again, so anyone can check
 * that {@code result.json} is what the saved model does.
 */
public final class RunEvaluation {

    /**
     * The recomputed metrics beside the recorded ones.
     *
     * @param recorded what {@code result.json} says
     * @param recomputed what the reloaded model gives now
     * @param mismatches names of the metrics that differ
     * @param analysis the further metrics, also written to {@code analysis.json}
     * @param collapseWarning the label-free class-collapse warning on the recomputed target
     *     predictions ({@link io.latentbridge.eval.ClassCollapse}), or null when no class is rare
     */
    public record Outcome(RunResult recorded, RunResult recomputed, List<String> mismatches,
            io.latentbridge.eval.Analysis analysis, String collapseWarning) {}

    /** The analysis file inside a run directory. */
    public static final String ANALYSIS = "analysis.json";

    /**
     * @param runDir a run directory
     * @param roots where data is
     * @param device where to compute
     * @return recorded and recomputed metrics
     * @throws IOException when the run cannot be read
     */
    public Outcome evaluate(Path runDir, DataRoots roots, ai.djl.Device device) throws IOException {
        Path configFile = runDir.resolve(TrainingRun.CONFIG);
        Path resultFile = runDir.resolve(TrainingRun.RESULT);
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(runDir + ": not a run directory (no " + TrainingRun.CONFIG + ")");
        }
        if (!Files.isRegularFile(resultFile)) {
            throw new ConfigException(runDir + ": unfinished run (no " + TrainingRun.RESULT + ")");
        }
        RunConfig config = Json.json().readValue(configFile.toFile(), RunConfig.class);
        RunResult recorded = Json.json().readValue(resultFile.toFile(), RunResult.class);
        Method<?> method = new MethodRegistry().find(config.method()).orElseThrow(() ->
                new ConfigException(configFile + ": unknown method '" + config.method() + "'"));
        Record methodConfig = Json.json().treeToValue(config.methodConfig(), method.configType());
        // the same preprocessing as in training: the recorded model shape fixes size and channels
        Task task = Task.load(config.source(), config.target(), roots, new Downloader(),
                new Task.Options(config.provenance().modelShape().size(),
                        config.provenance().modelShape().channels()));
        try (NDManager manager = NDManager.newBaseManager(device)) {
            MethodModel model = method.createUnchecked(methodConfig, config.provenance().modelShape());
            load(model, runDir.resolve(TrainingRun.MODEL), manager, config);
            MethodModel judge = null;
            Path judgeDir = runDir.resolve(TrainingRun.MODEL).resolve("judge");
            if (Files.isDirectory(judgeDir)) {
                judge = TrainingRun.judgeModel(config.provenance().modelShape());
                load(judge, judgeDir, manager, config);
            }
            Measurements.Measured m = Measurements.measure(model, judge, task,
                    config.train().evalBatch(), manager);
            RunResult now = new RunResult(recorded.method(), recorded.source(), recorded.target(),
                    recorded.seed(), recorded.steps(), m.target().accuracy(), m.source().accuracy(),
                    m.target().perClass(), m.target().confusion(), m.translationAccuracy(),
                    m.judgeTargetAccuracy(), recorded.selection(), recorded.wallSeconds(),
                    recorded.imagesPerSecond(), recorded.selectedStep(), recorded.candidates());
            List<String> mismatches = new ArrayList<>();
            compare("target_accuracy", recorded.targetAccuracy(), now.targetAccuracy(), mismatches);
            compare("source_accuracy", recorded.sourceAccuracy(), now.sourceAccuracy(), mismatches);
            compare("translation_accuracy", recorded.translationAccuracy(),
                    now.translationAccuracy(), mismatches);
            if (!recorded.targetPerClass().equals(now.targetPerClass())) {
                mismatches.add("target_per_class");
            }
            io.latentbridge.eval.Analysis analysis = io.latentbridge.eval.Analyzer.analyze(model,
                    task.sourceTest(), task.targetTest(), config.train().evalBatch(), manager);
            Json.write(runDir.resolve(ANALYSIS), analysis);
            return new Outcome(recorded, now, mismatches, analysis, io.latentbridge.eval.ClassCollapse
                    .check(now.targetConfusion(), task.sourceTrain().classes(), recorded.target()));
        }
    }

    private static void load(MethodModel model, Path dir, NDManager manager, RunConfig config)
            throws IOException {
        // initialise first so every block knows its shapes, then overwrite with the saved values
        new TrainingLoop(config.train(), List.of()).initialize(model, manager);
        for (ParameterGroup g : model.groups()) {
            g.load(dir, manager);
        }
    }

    private static void compare(String name, Double a, Double b, List<String> out) {
        if (a == null && b == null) {
            return;
        }
        if (a == null || b == null || Math.abs(a - b) > 1e-9) {
            out.add(name);
        }
    }
}
