package io.latentbridge.eval;

import ai.djl.ndarray.NDManager;

/**
 * Density-ratio weights w(x) = p_t(x)/p_s(x) for source items, from a logistic domain
 * classifier: with d(x) = P(target | x), w = (n_s/n_t)·d/(1 − d). The classifier is the one the
 * proxy A-distance uses ({@link DomainDistance#fitDomainClassifier}).
 */
final class ImportanceWeights {

    private ImportanceWeights() {}

    static double[] estimate(float[][] source, float[][] target, NDManager manager) {
        float[] d = DomainDistance.fitDomainClassifier(source, target, manager).probabilities(source);
        double ratio = (double) source.length / target.length;
        double[] w = new double[source.length];
        for (int i = 0; i < w.length; i++) {
            double p = Math.min(Math.max(d[i], 1e-4), 1 - 1e-4);
            w[i] = ratio * p / (1 - p);
        }
        return w;
    }
}
