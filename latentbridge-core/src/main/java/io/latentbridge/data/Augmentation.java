package io.latentbridge.data;

import java.util.SplittableRandom;

/**
 * Random affine jitter of training images: a shift, a zoom and a rotation about the centre,
 * resampled bilinearly with a black (0) background.
 *
 * <p>Why it exists: the digit tasks differ in framing (USPS digits fill the frame, MNIST digits
 * sit in a 20×20 box with a 4-pixel border), and a network that has only seen one framing
 * transfers badly to the other. Jittering scale and position of <em>both</em> domains' training
 * images, without any label, is the cheapest bridge. It is off by default so that the published
 * protocol is what runs unless a user asks otherwise; results tables say when it was on.
 *
 * @param shift largest shift, in pixels, along each axis (uniform in [−shift, shift])
 * @param scale largest relative zoom (zoom uniform in [1 − scale, 1 + scale])
 * @param rotate largest rotation in degrees (uniform in [−rotate, rotate])
 */
public record Augmentation(double shift, double scale, double rotate) {

    /** No jitter. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0);

    /** Rejects ranges that make no sense. */
    public Augmentation {
        if (!(shift >= 0) || !(scale >= 0 && scale < 1) || !(rotate >= 0 && rotate <= 180)) {
            throw new IllegalArgumentException("augmentation needs shift >= 0, 0 <= scale < 1 and"
                    + " 0 <= rotate <= 180, got shift " + shift + ", scale " + scale
                    + ", rotate " + rotate);
        }
    }

    /** @return whether this changes any image */
    public boolean active() {
        return shift > 0 || scale > 0 || rotate > 0;
    }

    /**
     * Jitters a block of images in place, each with its own draw from {@code random}.
     *
     * @param pixels {@code n·c·h·w} values, image after image, channel-first
     * @param n images
     * @param channels channels per image
     * @param height image height
     * @param width image width
     * @param random the source of the draws; the same state gives the same output
     */
    public void apply(float[] pixels, int n, int channels, int height, int width,
            SplittableRandom random) {
        if (!active()) {
            return;
        }
        int plane = height * width;
        float[] in = new float[plane];
        for (int i = 0; i < n; i++) {
            double dx = uniform(random, shift);
            double dy = uniform(random, shift);
            double zoom = 1 + uniform(random, scale);
            double angle = uniform(random, rotate);
            for (int c = 0; c < channels; c++) {
                int offset = (i * channels + c) * plane;
                System.arraycopy(pixels, offset, in, 0, plane);
                warp(in, pixels, offset, height, width, dx, dy, zoom, angle);
            }
        }
    }

    /**
     * Resamples one plane: the output pixel p takes the input at R(−a)·(p − c − d)/zoom + c,
     * where c is the centre; that is, the input is zoomed, rotated by a and then shifted by d.
     */
    static void warp(float[] in, float[] out, int offset, int height, int width, double dx,
            double dy, double zoom, double degrees) {
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        double angle = Math.toRadians(degrees);
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        for (int y = 0; y < height; y++) {
            double py = y - cy - dy;
            for (int x = 0; x < width; x++) {
                double px = x - cx - dx;
                double sx = cos * px + sin * py + cx;
                double sy = -sin * px + cos * py + cy;
                out[offset + y * width + x] = bilinear(in, height, width, sy, sx);
            }
        }
    }

    private static double uniform(SplittableRandom random, double range) {
        return range == 0 ? 0 : (random.nextDouble() * 2 - 1) * range;
    }

    private static float bilinear(float[] in, int height, int width, double y, double x) {
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        double fy = y - y0;
        double fx = x - x0;
        double v = (1 - fy) * ((1 - fx) * at(in, height, width, y0, x0) + fx * at(in, height, width, y0, x0 + 1))
                + fy * ((1 - fx) * at(in, height, width, y0 + 1, x0) + fx * at(in, height, width, y0 + 1, x0 + 1));
        return (float) v;
    }

    private static float at(float[] in, int height, int width, int y, int x) {
        return y < 0 || x < 0 || y >= height || x >= width ? 0f : in[y * width + x];
    }
}
