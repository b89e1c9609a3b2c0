package io.latentbridge.eval;

/**
 * A 2-D t-SNE embedding of source and target features, for plots coloured by domain and by
 * class. Computed with Smile's t-SNE (the last Apache-2.0 release, 2.6.0).
 *
 * @param x first coordinate per point
 * @param y second coordinate per point
 * @param target whether each point is a target item (else source)
 * @param label each point's true class (test-split labels: for pictures, never for choosing)
 * @param perplexity the t-SNE perplexity
 * @param iterations the t-SNE iterations
 */
public record Embedding(double[] x, double[] y, boolean[] target, int[] label, double perplexity,
        int iterations) {

    /** Points per domain: t-SNE here is exact and quadratic in the number of points. */
    public static final int PER_DOMAIN = 500;

    /**
     * Embeds the first points of each set. Smile draws its initial layout from a global seeded
     * generator, so the seed is set first: the same features give the same picture.
     *
     * @param source source features
     * @param sourceLabels their classes
     * @param target target features
     * @param targetLabels their classes
     * @param seed the seed
     * @return the embedding
     */
    public static Embedding of(float[][] source, int[] sourceLabels, float[][] target,
            int[] targetLabels, long seed) {
        int ns = Math.min(PER_DOMAIN, source.length);
        int nt = Math.min(PER_DOMAIN, target.length);
        double[][] data = new double[ns + nt][];
        boolean[] isTarget = new boolean[ns + nt];
        int[] label = new int[ns + nt];
        for (int i = 0; i < ns; i++) {
            data[i] = toDouble(source[i]);
            label[i] = sourceLabels[i];
        }
        for (int i = 0; i < nt; i++) {
            data[ns + i] = toDouble(target[i]);
            isTarget[ns + i] = true;
            label[ns + i] = targetLabels[i];
        }
        double perplexity = 30;
        int iterations = 1000;
        smile.math.MathEx.setSeed(seed);
        smile.manifold.TSNE tsne = new smile.manifold.TSNE(data, 2, perplexity, 200, iterations);
        double[] x = new double[data.length];
        double[] y = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            x[i] = tsne.coordinates[i][0];
            y[i] = tsne.coordinates[i][1];
        }
        return new Embedding(x, y, isTarget, label, perplexity, iterations);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            d[j] = v[j];
        }
        return d;
    }
}
