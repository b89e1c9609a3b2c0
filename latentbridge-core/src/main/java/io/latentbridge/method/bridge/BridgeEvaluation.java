package io.latentbridge.method.bridge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.latentbridge.data.EvaluationImages;
import io.latentbridge.data.ImageSet;
import io.latentbridge.eval.Predictions;
import io.latentbridge.report.Charts;
import io.latentbridge.report.ImageGrid;
import io.latentbridge.train.Inference;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.TrainingLoop;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a trained bridge the way the paper does. <b>Transfer accuracy</b> A→B: the share of
 * A's test images whose translation B's classifier assigns to the class paired with A's
 * classifier's prediction on the original. Translation: A's frozen encoder (posterior mean),
 * the bridge's encoder with A's label (a sample z′, the engine seeded first so the number is
 * reproducible), its decoder with B's label, B's frozen decoder. Test labels are not used.
 */
public final class BridgeEvaluation {

    /** One side of the bridge: its frozen VAE, its evaluation classifier, its test images. */
    public record Side(BaseVae vae, MethodModel classifier, EvaluationImages test) {}

    /**
     * One direction's measurement.
     *
     * @param accuracy transfer accuracy
     * @param confusion counts {@code [class of the original][class of the translation]}
     */
    public record Transfer(double accuracy, int[][] confusion) {}

    private final BridgeModel bridge;
    private final Side a;
    private final Side b;
    private final int batch;
    /** Each side's classifier on its own test images, by side; filled on first use. */
    private final int[][] originals = new int[2][];

    /**
     * @param bridge the trained bridge
     * @param a the first domain
     * @param b the second domain
     * @param batch evaluation batch size
     */
    public BridgeEvaluation(BridgeModel bridge, Side a, Side b, int batch) {
        this.bridge = bridge;
        this.a = a;
        this.b = b;
        this.batch = batch;
    }

    /**
     * Translates one side's test images into the other domain.
     *
     * @param from {@link BridgeModel#A} or {@link BridgeModel#B}
     * @param manager manager for temporary arrays
     * @return the transfer accuracy and confusion matrix
     */
    public Transfer transfer(int from, NDManager manager) {
        Side src = from == BridgeModel.A ? a : b;
        Side dst = from == BridgeModel.A ? b : a;
        int to = 1 - from;
        ImageSet images = src.test().images();
        int[] original = originals(from, manager);
        int[] translated = Predictions.predict((inf, x) -> dst.classifier().classify(inf,
                translate(inf, src.vae(), dst.vae(), x, from, to)), images, batch, manager);
        int k = bridge.classes();
        int[][] confusion = new int[k][k];
        int agree = 0;
        for (int i = 0; i < original.length; i++) {
            confusion[original[i]][translated[i]]++;
            agree += original[i] == translated[i] ? 1 : 0;
        }
        return new Transfer((double) agree / original.length, confusion);
    }

    private NDArray translate(Inference inf, BaseVae fromVae, BaseVae toVae, NDArray x, int from,
            int to) {
        NDArray[] q = bridge.encode(inf, fromVae.encode(inf, x)[0], from);
        NDArray shared = q[0].add(q[1].mul(inf.manager().randomNormal(q[0].getShape())));
        return toVae.decode(inf, bridge.decode(inf, shared, to));
    }

    /**
     * @param side the side
     * @param manager manager for temporary arrays
     * @return its classifier's accuracy on its own real test images (a sanity check)
     */
    public double classifierAccuracy(int side, NDManager manager) {
        return Predictions.score(originals(side, manager),
                (side == BridgeModel.A ? a : b).test()).accuracy();
    }

    /**
     * The frozen classifiers see the same test images at every probe and at the end: their
     * predictions are computed once (no random draw, so the translations' noise is unchanged).
     */
    private int[] originals(int side, NDManager manager) {
        if (originals[side] == null) {
            Side s = side == BridgeModel.A ? a : b;
            originals[side] = Predictions.predict(s.classifier()::classify, s.test().images(),
                    batch, manager);
        }
        return originals[side];
    }

    /**
     * Writes the pictures: both translation grids (originals over translations, two test
     * images per class), joint prior samples decoded into both domains, spherical
     * interpolation strips within each class (decoded into both domains), and both confusion
     * matrices.
     *
     * @param dir the run directory
     * @param ab the A→B measurement
     * @param ba the B→A measurement
     * @param manager manager for temporary arrays
     * @throws IOException when a file cannot be written
     */
    public void writePictures(Path dir, Transfer ab, Transfer ba, NDManager manager)
            throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            Inference inf = new Inference(scope);
            for (int from : new int[] {BridgeModel.A, BridgeModel.B}) {
                Side src = from == BridgeModel.A ? a : b;
                Side dst = from == BridgeModel.A ? b : a;
                ImageSet originals = src.test().images().select(perClass(src.test(), 2));
                NDArray x = TrainingLoop.range(scope, originals, 0, originals.count());
                ImageSet translated = TrainingLoop.imageSet(translate(inf, src.vae(), dst.vae(), x, from,
                        1 - from));
                ImageGrid.write(List.of(originals, translated), 3, dir.resolve(
                        from == BridgeModel.A ? "translation_a2b.png" : "translation_b2a.png"));
            }
            NDArray prior = scope.randomNormal(new Shape(20, bridge.config().latent()));
            ImageGrid.write(List.of(
                    TrainingLoop.imageSet(a.vae().decode(inf, bridge.decode(inf, prior, BridgeModel.A))),
                    TrainingLoop.imageSet(b.vae().decode(inf, bridge.decode(inf, prior, BridgeModel.B)))),
                    3, dir.resolve("prior_samples.png"));
            ImageGrid.write(interpolations(inf), 3, dir.resolve("interpolation.png"));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < bridge.classes(); c++) {
            names.add(a.test().classes().name(c) + "|" + b.test().classes().name(c));
        }
        Files.write(dir.resolve("confusion_a2b.png"), Charts.heatMap(
                "A→B: A classifier on originals (rows) vs B classifier on translations",
                ab.confusion(), names));
        Files.write(dir.resolve("confusion_b2a.png"), Charts.heatMap(
                "B→A: B classifier on originals (rows) vs A classifier on translations",
                ba.confusion(), names));
    }

    /**
     * For every class: the first two A test images of it, their shared-code posterior means,
     * eight spherically interpolated codes between them, decoded into A (one row) and B (the
     * next row).
     */
    private List<ImageSet> interpolations(Inference inf) {
        int steps = 8;
        List<ImageSet> rows = new ArrayList<>();
        int[] pairs = perClass(a.test(), 2);
        for (int c = 0; c < bridge.classes(); c++) {
            ImageSet two = a.test().images().select(new int[] {pairs[2 * c], pairs[2 * c + 1]});
            NDArray x = TrainingLoop.range(inf.manager(), two, 0, 2);
            float[] m = bridge.encode(inf, a.vae().encode(inf, x)[0], BridgeModel.A)[0]
                    .toFloatArray();
            int d = bridge.config().latent();
            float[] path = new float[steps * d];
            for (int s = 0; s < steps; s++) {
                float[] p = slerp(java.util.Arrays.copyOfRange(m, 0, d),
                        java.util.Arrays.copyOfRange(m, d, 2 * d), s / (double) (steps - 1));
                System.arraycopy(p, 0, path, s * d, d);
            }
            NDArray codes = inf.manager().create(FloatBuffer.wrap(path), new Shape(steps, d));
            rows.add(TrainingLoop.imageSet(a.vae().decode(inf, bridge.decode(inf, codes, BridgeModel.A))));
            rows.add(TrainingLoop.imageSet(b.vae().decode(inf, bridge.decode(inf, codes, BridgeModel.B))));
        }
        return rows;
    }

    /**
     * Spherical interpolation {@code sin((1−t)Ω)/sin Ω · p + sin(tΩ)/sin Ω · q}, Ω the angle
     * between p and q; linear when they are (nearly) parallel.
     *
     * @param p start
     * @param q end
     * @param t position in [0, 1]
     * @return the point
     */
    public static float[] slerp(float[] p, float[] q, double t) {
        double dot = 0;
        double np = 0;
        double nq = 0;
        for (int i = 0; i < p.length; i++) {
            dot += p[i] * q[i];
            np += p[i] * p[i];
            nq += q[i] * q[i];
        }
        double cos = Math.max(-1, Math.min(1, dot / Math.sqrt(np * nq)));
        double omega = Math.acos(cos);
        double wp;
        double wq;
        if (Math.sin(omega) < 1e-6) {
            wp = 1 - t;
            wq = t;
        } else {
            wp = Math.sin((1 - t) * omega) / Math.sin(omega);
            wq = Math.sin(t * omega) / Math.sin(omega);
        }
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) (wp * p[i] + wq * q[i]);
        }
        return out;
    }

    /** The first {@code n} test items of every class, class by class (labels pick pictures only). */
    private int[] perClass(EvaluationImages test, int n) {
        int k = bridge.classes();
        int[] out = new int[k * n];
        int[] found = new int[k];
        for (int i = 0; i < test.size(); i++) {
            int c = test.labels()[i];
            if (c < k && found[c] < n) {
                out[c * n + found[c]++] = i;
            }
        }
        return out;
    }

}
