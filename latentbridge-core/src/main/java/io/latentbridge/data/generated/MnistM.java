package io.latentbridge.data.generated;

import io.latentbridge.data.ImageSet;
import java.util.SplittableRandom;

/**
 * MNIST-M by the original recipe (Ganin et al., 2016): each MNIST digit, binarised (any ink is
 * 1), is difference-blended with a random crop of a colour photograph,
 * {@code out = |patch − digit|} per channel. The crop's photograph and position are drawn from
 * {@link ImageRandom}, so an image depends only on the seed, the split, its index and its MNIST
 * digit.
 */
public final class MnistM {

    /** Bumped whenever the recipe changes what it draws; part of the cache key. */
    public static final int RECIPE_VERSION = 1;

    private final PhotoSet photos;
    private final long seed;

    /**
     * @param photos the photographs to crop from
     * @param seed the seed the whole domain follows
     */
    public MnistM(PhotoSet photos, long seed) {
        this.photos = photos;
        this.seed = seed;
    }

    /**
     * Blends MNIST images {@code from} (inclusive) to {@code to} (exclusive) of a split.
     *
     * @param split {@code train} or {@code test} (part of each image's random stream)
     * @param mnist the split's MNIST images (grey)
     * @param from first index
     * @param to end index
     * @return the blended images, 3 channels, MNIST's size, values in [0, 1]
     */
    public ImageSet generate(String split, ImageSet mnist, int from, int to) {
        int h = mnist.height();
        int w = mnist.width();
        int plane = h * w;
        int n = to - from;
        float[] out = new float[n * 3 * plane];
        float[] digits = mnist.pixels();
        for (int i = 0; i < n; i++) {
            SplittableRandom r = ImageRandom.of(seed, split, from + i);
            float[][][] photo = photos.photos().get(r.nextInt(photos.photos().size()));
            int ph = photo[0].length;
            int pw = photo[0][0].length;
            int y0 = r.nextInt(ph - h + 1);
            int x0 = r.nextInt(pw - w + 1);
            int src = (from + i) * plane * mnist.channels();
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float digit = digits[src + y * w + x] > 0 ? 1f : 0f;
                        out[(i * 3 + c) * plane + y * w + x] =
                                Math.abs(photo[c][y0 + y][x0 + x] - digit);
                    }
                }
            }
        }
        return new ImageSet(n, 3, h, w, out);
    }
}
