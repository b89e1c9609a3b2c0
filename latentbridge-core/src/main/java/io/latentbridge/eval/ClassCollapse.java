package io.latentbridge.eval;

import io.latentbridge.data.ClassNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A warning sign that needs no label: classes the model (almost) never predicts on the target.
 * Self-training terms (pseudo-labels, entropy minimisation) and class-weighted alignment can
 * feed on their own class imbalance until whole classes vanish from the target predictions,
 * while the source accuracy stays high; the predicted class counts show it at once.
 *
 * <p>What it cannot see: two classes that exchange their images keep their counts, so a swap
 * (the MNIST ones read as eights and the eights as ones, docs/cdlm.md) passes unflagged, and
 * so does a one-way drift that leaves the losing class above the threshold (most of the ones
 * read as eights, 0.23 of their share left).
 */
public final class ClassCollapse {

    /** A class predicted for less than this fraction of the uniform share 1/K is reported. */
    public static final double RARE = 0.2;

    private ClassCollapse() {}

    /**
     * How often each class was predicted, whatever the truth: the column sums of a confusion
     * matrix (the rows, the true labels, are summed over and so not read).
     *
     * @param confusion {@code confusion[true][predicted]}
     * @return predictions per class
     */
    public static int[] predictedCounts(int[][] confusion) {
        int[] counts = new int[confusion.length];
        for (int[] row : confusion) {
            for (int p = 0; p < row.length; p++) {
                counts[p] += row[p];
            }
        }
        return counts;
    }

    /**
     * @param predictedCounts predictions per class
     * @param classes the class names
     * @return the names of the classes predicted for fewer than {@link #RARE}·N/K images
     */
    public static List<String> rarelyPredicted(int[] predictedCounts, ClassNames classes) {
        long n = 0;
        for (int c : predictedCounts) {
            n += c;
        }
        List<String> rare = new ArrayList<>();
        for (int k = 0; k < predictedCounts.length; k++) {
            if (predictedCounts[k] < RARE * n / predictedCounts.length) {
                rare.add(classes.name(k));
            }
        }
        return rare;
    }

    /**
     * The whole check on one confusion matrix.
     *
     * @param confusion {@code confusion[true][predicted]} on the target test split (only its
     *     column sums are read)
     * @param classes the class names
     * @param target the target's name
     * @return a one-line warning, or null when no class is rare
     */
    public static String check(int[][] confusion, ClassNames classes, String target) {
        return warning(rarelyPredicted(predictedCounts(confusion), classes), target);
    }

    /**
     * @param rare the rarely predicted classes
     * @param target the target's name
     * @return a one-line warning, or null when no class is rare
     */
    public static String warning(List<String> rare, String target) {
        if (rare.isEmpty()) {
            return null;
        }
        return String.format("warning: on the %s test images the model almost never predicts %s"
                + " (each under %.0f%% of the uniform share): a class collapse? (read from the"
                + " predictions alone, no target label)", target, String.join(", ", rare), RARE * 100);
    }
}
