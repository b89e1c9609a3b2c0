package io.latentbridge.eval;

import ai.djl.ndarray.NDManager;
import io.latentbridge.data.EvaluationImages;
import io.latentbridge.data.ImageSet;
import io.latentbridge.train.LatentModulation;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.TrainingLoop;

/** Computes an {@link Analysis} of a trained model on the two test splits. */
public final class Analyzer {

    /** Items per domain for the distances: enough for stable estimates, small enough for MMD. */
    public static final int ITEMS = 2000;

    private Analyzer() {}

    /**
     * @param model a trained model
     * @param sourceTest the source test split
     * @param targetTest the target test split
     * @param batch evaluation batch size
     * @param manager for temporary arrays
     * @return the analysis
     */
    public static Analysis analyze(MethodModel model, EvaluationImages sourceTest,
            EvaluationImages targetTest, int batch, NDManager manager) {
        int n = Math.min(ITEMS, Math.min(sourceTest.size(), targetTest.size()));
        ImageSet s = sourceTest.images().head(n);
        ImageSet t = targetTest.images().head(n);
        float[][] fs = Predictions.rows(model::features, s, batch, manager);
        float[][] ft = Predictions.rows(model::features, t, batch, manager);
        Double klModulated = null;
        double klPlain;
        if (model.modulation().isEmpty()) {
            klPlain = DomainDistance.diagonalGaussianKl(fs, ft);
        } else {
            LatentModulation mod = model.modulation().get();
            // the latent claim is about μ, whatever the classifier reads
            klPlain = DomainDistance.diagonalGaussianKl(
                    Predictions.rows(mod::plainMean, s, batch, manager),
                    Predictions.rows(mod::plainMean, t, batch, manager));
            // item i of one domain is modulated by item i of the other, as in training
            float[][] st = pairedRows(mod, s, t, batch, manager);
            float[][] ts = pairedRows(mod, t, s, batch, manager);
            klModulated = DomainDistance.diagonalGaussianKl(st, ts);
        }
        float[][] probs = Predictions.rows((inf, x) -> model.classify(inf, x).softmax(1),
                targetTest.images(), batch, manager);
        double[] confidence = new double[probs.length];
        boolean[] correct = new boolean[probs.length];
        int[] predicted = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            int arg = 0;
            for (int k = 1; k < probs[i].length; k++) {
                if (probs[i][k] > probs[i][arg]) {
                    arg = k;
                }
            }
            predicted[i] = arg;
            confidence[i] = probs[i][arg];
            correct[i] = arg == targetTest.labels()[i];
        }
        return new Analysis(n, DomainDistance.proxyADistance(fs, ft, manager),
                DomainDistance.mmd(fs, ft, manager), klPlain,
                klModulated, Predictions.score(predicted, targetTest),
                Predictions.evaluate(model, sourceTest, batch, manager),
                Calibration.of(confidence, correct, 15),
                Embedding.of(fs, sourceTest.labels(), ft, targetTest.labels(), 1));
    }

    private static float[][] pairedRows(LatentModulation mod, ImageSet a, ImageSet b, int batch,
            NDManager manager) {
        return Predictions.rows(a.count(), batch, manager, (inf, from, to) -> mod.transferMean(inf,
                TrainingLoop.range(inf.manager(), a, from, to),
                TrainingLoop.range(inf.manager(), b, from, to)));
    }
}
