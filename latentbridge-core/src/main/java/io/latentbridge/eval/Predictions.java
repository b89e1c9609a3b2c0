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
}
