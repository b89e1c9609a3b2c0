package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.latentbridge.data.Augmentation;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.PairedBatches;
import io.latentbridge.data.UnlabelledImages;
import java.util.SplittableRandom;

/**
 * Image batches: labelled source with unlabelled target (a transfer task), or one labelled
 * domain alone (pretraining), jittered by the configured {@link Augmentation}.
 */
public final class ImageBatches implements BatchSource {

    private final LabelledImages source;
    private final UnlabelledImages target;
    private final PairedBatches order;
    private final Augmentation augmentation;
    private final int batch;
    private final boolean cleanTarget;

    /**
     * @param source labelled source images
     * @param target unlabelled target images, or null to train on the source alone
     * @param batch images per domain per step
     * @param seed seeds the order
     * @param augmentation the jitter
     */
    public ImageBatches(LabelledImages source, UnlabelledImages target, int batch, long seed,
            Augmentation augmentation) {
        this(source, target, batch, seed, augmentation, false);
    }

    /**
     * @param source labelled source images
     * @param target unlabelled target images, or null to train on the source alone
     * @param batch images per domain per step
     * @param seed seeds the order
     * @param augmentation the jitter
     * @param cleanTarget whether each batch also carries the target images without the jitter
     */
    public ImageBatches(LabelledImages source, UnlabelledImages target, int batch, long seed,
            Augmentation augmentation, boolean cleanTarget) {
        this.cleanTarget = cleanTarget && target != null;
        this.source = source;
        this.target = target;
        this.batch = batch;
        this.augmentation = augmentation;
        // a single domain still draws a (discarded) second stream: one code path, same order
        this.order = new PairedBatches(source.size(),
                target == null ? source.size() : target.size(), batch, seed);
    }

    @Override
    public int itemsPerStep() {
        return target == null ? batch : 2 * batch;
    }

    @Override
    public void skip() {
        order.next();
    }

    @Override
    public Batch next(NDManager manager, SplittableRandom random) {
        PairedBatches.Batch b = order.next();
        NDArray xs = TrainingLoop.images(manager, source.images(), b.source(), augmentation, random);
        int[] labels = new int[b.source().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = source.labels()[b.source()[i]];
        }
        NDArray xt = target == null ? null
                : TrainingLoop.images(manager, target.images(), b.target(), augmentation, random);
        // the clean copy draws nothing from random: the jittered views stay those of a run without it
        NDArray clean = cleanTarget
                ? TrainingLoop.images(manager, target.images(), b.target(), Augmentation.NONE, random)
                : null;
        return new Batch(xs, manager.create(labels), xt, clean);
    }
}
