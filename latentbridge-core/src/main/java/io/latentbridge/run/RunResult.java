package io.latentbridge.run;

import java.util.List;
import java.util.Map;

/**
 * What a run measured: the content of {@code result.json}.
 *
 * @param method the method
 * @param source the source domain
 * @param target the target domain
 * @param seed the seed
 * @param steps training steps
 * @param targetAccuracy accuracy on the target test split, in [0, 1]
 * @param sourceAccuracy accuracy on the source test split
 * @param targetPerClass target accuracy per class
 * @param targetConfusion target confusion matrix, {@code [true][predicted]}
 * @param translationAccuracy accuracy of the source-trained judge on the target→source
 *     translations of the target test split, or null when the method does not translate
 * @param judgeTargetAccuracy the judge's accuracy on the untranslated target test split (a
 *     source-only reference for the translation accuracy), or null
 * @param selection how the reported model was chosen ({@code last}: the final step)
 * @param wallSeconds training wall time
 * @param imagesPerSecond training images (both domains) per second
 * @param selectedStep the step of the chosen candidate when a protocol other than {@code last}
 *     chose, else null
 * @param candidates the models kept during training (evenly spaced, the last included): with
 *     a protocol, every protocol's score; always, for reporting only, their test accuracies —
 *     the accuracy-over-training curve and the target-label "oracle" (which chooses nothing)
 */
public record RunResult(String method, String source, String target, long seed, int steps,
        double targetAccuracy, double sourceAccuracy, Map<String, Double> targetPerClass,
        int[][] targetConfusion, Double translationAccuracy, Double judgeTargetAccuracy,
        String selection, double wallSeconds, double imagesPerSecond, Integer selectedStep,
        List<Candidate> candidates) {

    /**
     * One candidate checkpoint.
     *
     * @param step its step
     * @param scores each label-free protocol's score (higher is better); empty with {@code last}
     * @param targetAccuracy its target test accuracy, measured after any choice was made, to
     *     draw the training curve and to measure protocols against; never used to choose
     * @param sourceAccuracy its source test accuracy
     */
    public record Candidate(int step, Map<String, Double> scores, double targetAccuracy,
            double sourceAccuracy) {}
}
