package io.latentbridge.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.latentbridge.data.ClassNames;
import io.latentbridge.data.EvaluationImages;
import io.latentbridge.data.ImageSet;
import io.latentbridge.train.Inference;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.TrainingLoop;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Batched predictions and accuracy. The only reader of evaluation labels. */
public final class Predictions {

    private Predictions() {}

    /**
     * Predicts the class of every image.
     *
     * @param model a trained model
     * @param images the images
     * @param batch evaluation batch size
     * @param manager a manager for temporary arrays
     * @return the predicted labels
     */
    public static int[] predict(MethodModel model, ImageSet images, int batch, NDManager manager) {
        return predict((inf, x) -> model.classify(inf, x), images, batch, manager);
    }

    /**
     * Predicts with any image → logits function.
     *
     * @param logits the classifier
     * @param images the images
     * @param batch evaluation batch size
     * @param manager a manager for temporary arrays
     * @return the predicted labels
     */
    public static int[] predict(BiFunction<Inference, NDArray, NDArray> logits, ImageSet images,
            int batch, NDManager manager) {
        int[] out = new int[images.count()];
        for (int from = 0; from < images.count(); from += batch) {
            int to = Math.min(images.count(), from + batch);
            try (NDManager scope = manager.newSubManager()) {
                Inference inf = new Inference(scope);
                NDArray x = TrainingLoop.range(scope, images, from, to);
                long[] pred = logits.apply(inf, x).argMax(1).toLongArray();
                for (int i = 0; i < pred.length; i++) {
                    out[from + i] = (int) pred[i];
                }
            }
        }
        return out;
    }

    /**
     * @param predicted predicted labels
     * @param set the evaluation set with the true labels
     * @return accuracy, per-class accuracy and the confusion matrix
     */
    public static AccuracyReport score(int[] predicted, EvaluationImages set) {
        ClassNames classes = set.classes();
        int k = classes.size();
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            confusion[set.labels()[i]][predicted[i]]++;
            if (predicted[i] == set.labels()[i]) {
                correct++;
            }
        }
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            int total = 0;
            for (int p = 0; p < k; p++) {
                total += confusion[c][p];
            }
            if (total > 0) {
                perClass.put(classes.name(c), (double) confusion[c][c] / total);
            }
        }
        return new AccuracyReport((double) correct / predicted.length, perClass, confusion);
    }

    /**
     * @param model a trained model
     * @param set the evaluation set
     * @param batch evaluation batch size
     * @param manager a manager for temporary arrays
     * @return the accuracy report
     */
    public static AccuracyReport evaluate(MethodModel model, EvaluationImages set, int batch,
            NDManager manager) {
        return score(predict(model, set.images(), batch, manager), set);
    }

    /** Computes the rows of items {@code from} to {@code to} (exclusive). */
    @FunctionalInterface
    public interface RangeFunction {
        /**
         * @param inference forward passes; its manager owns the batch
         * @param from first item
         * @param to end item
         * @return {@code (to − from)×F}
         */
        NDArray apply(Inference inference, int from, int to);
    }

    /**
     * Applies a function to every image in batches and collects its rows.
     *
     * @param fn maps {@code N×C×S×S} images to {@code N×F}
     * @param images the images
     * @param batch batch size
     * @param manager a manager for temporary arrays
     * @return one row per image
     */
    public static float[][] rows(BiFunction<Inference, NDArray, NDArray> fn, ImageSet images,
            int batch, NDManager manager) {
        return rows(images.count(), batch, manager, (inf, from, to) ->
                fn.apply(inf, TrainingLoop.range(inf.manager(), images, from, to)));
    }

    /**
     * Computes rows for items {@code 0…count-1} in batches, each batch in its own scope.
     *
     * @param count number of items
     * @param batch batch size
     * @param manager a manager for temporary arrays
     * @param fn computes one batch's rows
     * @return one row per item
     */
    public static float[][] rows(int count, int batch, NDManager manager, RangeFunction fn) {
        float[][] out = new float[count][];
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            try (NDManager scope = manager.newSubManager()) {
                NDArray y = fn.apply(new Inference(scope), from, to);
                int f = (int) y.getShape().get(1);
                float[] flat = y.toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(flat, i * f, (i + 1) * f);
                }
            }
        }
        return out;
    }
}
