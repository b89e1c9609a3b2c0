package io.latentbridge.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.latentbridge.loss.MultiKernelMmd;

/** How far apart two domains' feature sets are. Uses domain membership only, never classes. */
public final class DomainDistance {

    private DomainDistance() {}

    /**
     * Proxy A-distance (Ben-David et al.): a linear domain classifier (logistic regression on
     * standardised features, full-batch gradient descent) is trained on the even-indexed items
     * of both sets and tested on the odd-indexed ones; with test error ε,
     * {@code d_A = 2(1 − 2ε)}, clamped to [0, 2].
     *
     * @param source {@code n×F} source features
     * @param target {@code m×F} target features
     * @param manager for temporary arrays
     * @return d_A
     */
    public static double proxyADistance(float[][] source, float[][] target, NDManager manager) {
        LinearDomainClassifier c = fitDomainClassifier(evenOdd(source, 0), evenOdd(target, 0),
                manager);
        float[][] testS = evenOdd(source, 1);
        float[][] testT = evenOdd(target, 1);
        int wrong = 0;
        for (float p : c.probabilities(testS)) {
            wrong += p > 0.5f ? 1 : 0;
        }
        for (float p : c.probabilities(testT)) {
            wrong += p > 0.5f ? 0 : 1;
        }
        double error = (double) wrong / (testS.length + testT.length);
        return Math.max(0, Math.min(2, 2 * (1 - 2 * error)));
    }

    /**
     * A logistic regression telling target (1) from source (0) on standardised features.
     *
     * @param mean feature means of the training points
     * @param std feature standard deviations
     * @param weights one weight per feature
     * @param bias the bias
     */
    public record LinearDomainClassifier(float[] mean, float[] std, float[] weights, float bias) {

        /**
         * @param x {@code n×F} features
         * @return P(target | x) for each row
         */
        public float[] probabilities(float[][] x) {
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double z = bias;
                for (int j = 0; j < weights.length; j++) {
                    z += weights[j] * (x[i][j] - mean[j]) / std[j];
                }
                out[i] = (float) (1 / (1 + Math.exp(-z)));
            }
            return out;
        }
    }

    /**
     * Fits the domain classifier: full-batch gradient descent on the mean log-loss with a small
     * L2 term (so separable data stays finite), 500 iterations, step 0.5.
     *
     * @param source {@code n×F} source features (label 0)
     * @param target {@code m×F} target features (label 1)
     * @param manager for temporary arrays
     * @return the classifier
     */
    public static LinearDomainClassifier fitDomainClassifier(float[][] source, float[][] target,
            NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            int f = source[0].length;
            NDArray x = stack(scope, source, target, f);
            NDArray y = labels(scope, source.length, target.length);
            NDArray mean = x.mean(new int[] {0}, true);
            NDArray std = x.sub(mean).square().mean(new int[] {0}, true).sqrt().add(1e-6f);
            x = x.sub(mean).div(std);
            NDArray w = scope.zeros(new Shape(f, 1));
            NDArray b = scope.zeros(new Shape(1));
            float n = x.getShape().get(0);
            for (int it = 0; it < 500; it++) {
                NDArray p = ai.djl.nn.Activation.sigmoid(x.matMul(w).add(b));
                NDArray err = p.sub(y);
                w = w.sub(x.transpose().matMul(err).div(n).add(w.mul(1e-3f)).mul(0.5f));
                b = b.sub(err.mean().mul(0.5f));
            }
            return new LinearDomainClassifier(mean.toFloatArray(), std.toFloatArray(),
                    w.toFloatArray(), b.toFloatArray()[0]);
        }
    }

    /**
     * KL divergence between diagonal Gaussians fitted to each set's moments:
     * {@code KL(N(μ_a, σ_a²) ‖ N(μ_b, σ_b²)) = Σ_j [log(σ_b/σ_a) + (σ_a² + (μ_a − μ_b)²)/(2σ_b²) − ½]}.
     *
     * @param a {@code n×F}
     * @param b {@code m×F}
     * @return the divergence (nats)
     */
    public static double diagonalGaussianKl(float[][] a, float[][] b) {
        double[][] ma = moments(a);
        double[][] mb = moments(b);
        double kl = 0;
        for (int j = 0; j < ma[0].length; j++) {
            double va = ma[1][j];
            double vb = mb[1][j];
            double d = ma[0][j] - mb[0][j];
            kl += 0.5 * Math.log(vb / va) + (va + d * d) / (2 * vb) - 0.5;
        }
        return kl;
    }

    /**
     * Multi-kernel MMD² between the two sets (equal sizes are taken from the front of each).
     *
     * @param source {@code n×F}
     * @param target {@code m×F}
     * @param manager for temporary arrays
     * @return MMD²
     */
    public static double mmd(float[][] source, float[][] target, NDManager manager) {
        int n = Math.min(source.length, target.length);
        try (NDManager scope = manager.newSubManager()) {
            float[][] s = java.util.Arrays.copyOf(source, n);
            float[][] t = java.util.Arrays.copyOf(target, n);
            return MultiKernelMmd.standard().apply(stack(scope, s, new float[0][], s[0].length),
                    stack(scope, t, new float[0][], t[0].length)).getFloat();
        }
    }

    private static double[][] moments(float[][] x) {
        int f = x[0].length;
        double[] mean = new double[f];
        double[] var = new double[f];
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / (double) x.length;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                var[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < f; j++) {
            var[j] = Math.max(var[j], 1e-8);
        }
        return new double[][] {mean, var};
    }

    private static float[][] evenOdd(float[][] x, int parity) {
        float[][] out = new float[(x.length + 1 - parity) / 2][];
        for (int i = parity, k = 0; i < x.length; i += 2, k++) {
            out[k] = x[i];
        }
        return out;
    }

    private static NDArray stack(NDManager m, float[][] a, float[][] b, int f) {
        float[] flat = new float[(a.length + b.length) * f];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, flat, i * f, f);
        }
        for (int i = 0; i < b.length; i++) {
            System.arraycopy(b[i], 0, flat, (a.length + i) * f, f);
        }
        return m.create(flat, new Shape(a.length + b.length, f));
    }

    private static NDArray labels(NDManager m, int zeros, int ones) {
        float[] y = new float[zeros + ones];
        java.util.Arrays.fill(y, zeros, zeros + ones, 1f);
        return m.create(y, new Shape(zeros + ones, 1));
    }
}
