package io.latentbridge.method.bridge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.latentbridge.train.BatchSource;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class-paired, class-balanced batches of two domains' latent codes: each step draws a label
 * sequence with every class equally often (±1), then for each position one item of that class
 * from each domain (with replacement), and re-samples {@code z = μ + σ·ε}. Position i of both
 * batches therefore has class {@code labels[i]} (class i of A is paired with class i of B).
 *
 * <p>This is the authors' batching, and it is a use of labels: the "unsupervised" SWD term
 * compares batches whose class histograms are identical by construction.
 */
public final class ClassPairedLatents implements BatchSource {

    private final LatentCodes a;
    private final LatentCodes b;
    private final int batch;
    private final int classes;
    private final List<int[]> byClassA;
    private final List<int[]> byClassB;
    private final SplittableRandom random;

    /**
     * @param a the first domain's codes
     * @param b the second domain's codes (the same width)
     * @param classes number of classes, each present in both domains
     * @param batch items per domain per step
     * @param seed seeds the draws
     */
    public ClassPairedLatents(LatentCodes a, LatentCodes b, int classes, int batch, long seed) {
        if (a.width() != b.width()) {
            throw new IllegalArgumentException("the base models' latent widths differ ("
                    + a.width() + " and " + b.width() + ")");
        }
        this.a = a;
        this.b = b;
        this.batch = batch;
        this.classes = classes;
        this.byClassA = byClass(a, classes, "first");
        this.byClassB = byClass(b, classes, "second");
        this.random = new SplittableRandom(seed);
    }

    private static List<int[]> byClass(LatentCodes codes, int classes, String which) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            final int k = c;
            int[] items = java.util.stream.IntStream.range(0, codes.count())
                    .filter(i -> codes.labels()[i] == k).toArray();
            if (items.length == 0) {
                throw new IllegalArgumentException("the " + which + " domain has no item of class "
                        + c);
            }
            out.add(items);
        }
        return out;
    }

    @Override
    public int itemsPerStep() {
        return 2 * batch;
    }

    /** The indices of one step: labels, then A's items, then B's items. */
    int[][] draw() {
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % classes;
        }
        for (int i = batch - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        int[] ia = new int[batch];
        int[] ib = new int[batch];
        for (int i = 0; i < batch; i++) {
            int[] ca = byClassA.get(labels[i]);
            int[] cb = byClassB.get(labels[i]);
            ia[i] = ca[random.nextInt(ca.length)];
            ib[i] = cb[random.nextInt(cb.length)];
        }
        return new int[][] {labels, ia, ib};
    }

    @Override
    public void skip() {
        draw();
    }

    @Override
    public Batch next(NDManager manager, SplittableRandom unused) {
        int[][] d = draw();
        return new Batch(sample(manager, a, d[1]), manager.create(d[0]), sample(manager, b, d[2]));
    }

    private static NDArray sample(NDManager manager, LatentCodes codes, int[] items) {
        int w = codes.width();
        float[] mu = new float[items.length * w];
        float[] sigma = new float[items.length * w];
        for (int i = 0; i < items.length; i++) {
            System.arraycopy(codes.mu(), items[i] * w, mu, i * w, w);
            System.arraycopy(codes.sigma(), items[i] * w, sigma, i * w, w);
        }
        Shape shape = new Shape(items.length, w);
        NDArray m = manager.create(FloatBuffer.wrap(mu), shape);
        NDArray s = manager.create(FloatBuffer.wrap(sigma), shape);
        return m.add(s.mul(manager.randomNormal(shape)));
    }
}
