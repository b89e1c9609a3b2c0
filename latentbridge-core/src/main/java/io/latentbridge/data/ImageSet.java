package io.latentbridge.data;

import java.util.Arrays;

/**
 * A block of images stored channel-first ({@code N×C×H×W}) as float32 values.
 *
 * <p>Readers produce values in [0, 1]; {@link Preprocessing} fixes the size and channel count.
 * The array is shared, not copied: treat it as read-only.
 *
 * @param count number of images
 * @param channels channels per image (1 grey, 3 RGB)
 * @param height image height in pixels
 * @param width image width in pixels
 * @param pixels {@code count·channels·height·width} values, image after image
 */
public record ImageSet(int count, int channels, int height, int width, float[] pixels) {

    /** Checks that the pixel array matches the declared shape. */
    public ImageSet {
        long expected = (long) count * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixel array has " + pixels.length + " values, shape needs " + expected);
        }
    }

    /** @return the number of values in one image */
    public int imageSize() {
        return channels * height * width;
    }

    /**
     * Returns the first {@code n} images (all of them if there are fewer).
     *
     * @param n how many images to keep
     * @return a new image set holding a copy of the first images
     */
    public ImageSet head(int n) {
        int k = Math.min(n, count);
        return new ImageSet(k, channels, height, width, Arrays.copyOf(pixels, k * imageSize()));
    }

    /**
     * Returns the images at the given indices, in that order.
     *
     * @param indices indices into this set
     * @return a new image set
     */
    public ImageSet select(int[] indices) {
        int size = imageSize();
        float[] out = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, out, i * size, size);
        }
        return new ImageSet(indices.length, channels, height, width, out);
    }

    /** @return the smallest and the largest pixel value, as {min, max} */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : pixels) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }
}
