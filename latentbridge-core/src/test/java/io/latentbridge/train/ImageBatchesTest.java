package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.latentbridge.data.Augmentation;
import io.latentbridge.data.ClassNames;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.PairedBatches;
import io.latentbridge.data.UnlabelledImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageBatchesTest {

    /**
     * Asking for the clean target view must not move any other draw: the jittered batches are
     * those of a run without it, and the clean view is the stored images themselves.
     */
    @Test
    void theCleanTargetViewIsTheUnjitteredImagesAndChangesNoOtherDraw() {
        SplittableRandom fill = new SplittableRandom(3);
        float[] pixels = new float[40 * 8 * 8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) fill.nextDouble();
        }
        ImageSet images = new ImageSet(40, 1, 8, 8, pixels);
        LabelledImages source = new LabelledImages(images, new int[40], ClassNames.digits());
        UnlabelledImages target = new UnlabelledImages(images);
        Augmentation jitter = new Augmentation(2, 0.15, 10);
        ImageBatches plain = new ImageBatches(source, target, 4, 11, jitter);
        ImageBatches withClean = new ImageBatches(source, target, 4, 11, jitter, true);
        PairedBatches order = new PairedBatches(40, 40, 4, 11); // the order both replay
        try (NDManager m = NDManager.newBaseManager()) {
            for (int step = 1; step <= 5; step++) {
                BatchSource.Batch a = plain.next(m, new SplittableRandom(step));
                BatchSource.Batch b = withClean.next(m, new SplittableRandom(step));
                assertThat(a.cleanTarget()).isNull();
                assertThat(b.source().toFloatArray()).containsExactly(a.source().toFloatArray());
                assertThat(b.target().toFloatArray()).containsExactly(a.target().toFloatArray());
                assertThat(b.cleanTarget().toFloatArray()).isNotEqualTo(b.target().toFloatArray());
                assertThat(b.cleanTarget().toFloatArray()).containsExactly(
                        TrainingLoop.images(m, images, order.next().target(), Augmentation.NONE,
                                new SplittableRandom(0)).toFloatArray());
            }
        }
    }
}
