package io.latentbridge.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.latentbridge.data.EvaluationImages;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.Task;
import io.latentbridge.eval.AccuracyReport;
import io.latentbridge.eval.Predictions;
import io.latentbridge.report.ImageGrid;
import io.latentbridge.train.ImageTranslation;
import io.latentbridge.train.Inference;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything measured on a trained model: accuracies on both test splits and, for methods that
 * translate, the judge's accuracy on translated target images and the translation grids.
 * Shared by {@code train} (which writes {@code result.json}) and {@code eval --run} (which checks
 * it).
 */
final class Measurements {

    /** Grid columns in the translation PNGs. */
    private static final int GRID = 16;

    private Measurements() {}

    /** What was measured. */
    record Measured(AccuracyReport target, AccuracyReport source, Double translationAccuracy,
            Double judgeTargetAccuracy) {}

    static Measured measure(MethodModel model, MethodModel judge, Task task, int batch,
            NDManager manager) {
        AccuracyReport target = Predictions.evaluate(model, task.targetTest(), batch, manager);
        AccuracyReport source = Predictions.evaluate(model, task.sourceTest(), batch, manager);
        Double translation = null;
        Double judgeTarget = null;
        if (judge != null && model.translation().isPresent()) {
            ImageTranslation tr = model.translation().get();
            EvaluationImages tt = task.targetTest();
            ImageSet context = task.sourceTest().images();
            int[] predicted = Predictions.predict((inf, x) -> {
                NDArray ctx = contextFor(inf.manager(), context, x.getShape().get(0));
                return judge.classify(inf, tr.targetToSource(inf, x, ctx));
            }, tt.images(), batch, manager);
            translation = Predictions.score(predicted, tt).accuracy();
            judgeTarget = Predictions.evaluate(judge, tt, batch, manager).accuracy();
        }
        return new Measured(target, source, translation, judgeTarget);
    }

    /** The first {@code n} images of the context set, cycled when it has fewer. */
    private static NDArray contextFor(NDManager manager, ImageSet context, long n) {
        int[] idx = new int[(int) n];
        for (int i = 0; i < n; i++) {
            idx[i] = i % context.count();
        }
        return TrainingLoop.images(manager, context, idx);
    }

    /** Writes {@code translation_t2s.png} and {@code translation_s2t.png}. */
    static void writeGrids(MethodModel model, Task task, Path dir, NDManager manager)
            throws IOException {
        if (model.translation().isEmpty()) {
            return;
        }
        ImageTranslation tr = model.translation().get();
        ImageSet targets = task.targetTest().images().head(GRID);
        ImageSet sources = task.sourceTest().images().head(GRID);
        try (NDManager scope = manager.newSubManager()) {
            Inference inf = new Inference(scope);
            NDArray xt = TrainingLoop.range(scope, targets, 0, targets.count());
            NDArray xs = TrainingLoop.range(scope, sources, 0, sources.count());
            ImageGrid.write(List.of(targets, TrainingLoop.imageSet(tr.targetToSource(inf, xt, xs))), 2,
                    dir.resolve("translation_t2s.png"));
            ImageGrid.write(List.of(sources, TrainingLoop.imageSet(tr.sourceToTarget(inf, xs, xt))), 2,
                    dir.resolve("translation_s2t.png"));
        }
    }

}
