package io.latentbridge.data;

/**
 * The pinned preprocessing every domain goes through before anything trains: values in [0, 1]
 * (readers guarantee that), a common square size, and a common channel count.
 *
 * <p>Resizing is bilinear with half-pixel centres (PyTorch's {@code align_corners=False}), so the
 * 16×16 USPS digits fill the 28×28 frame as in the common ADDA/CyCADA protocol. Grey becomes RGB
 * by replication; RGB becomes grey by ITU-R 601 luma. Golden hashes in the tests pin all of it.
 *
 * @param size output side in pixels (28 by default, 32 for colour domains)
 * @param channels output channels, 1 or 3
 */
public record Preprocessing(int size, int channels) {

    /** The default: 28×28 grey. */
    public static final Preprocessing DEFAULT = new Preprocessing(28, 1);

    /** Validates the parameters. */
    public Preprocessing {
        if (size < 4 || size > 1024) {
            throw new IllegalArgumentException("image size " + size + " outside 4..1024");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
    }

    /**
     * Applies the preprocessing.
     *
     * @param in images with values in [0, 1]
     * @return images of {@code channels × size × size}, values in [0, 1]
     */
    public ImageSet apply(ImageSet in) {
        ImageSet sized = in.height() == size && in.width() == size ? in : resize(in, size);
        return convertChannels(sized, channels);
    }

    /**
     * Bilinear resize with half-pixel centres and edge clamping.
     *
     * @param in the images
     * @param side the new side
     * @return resized images
     */
    public static ImageSet resize(ImageSet in, int side) {
        int h = in.height();
        int w = in.width();
        int c = in.channels();
        float[] out = new float[in.count() * c * side * side];
        float scaleY = (float) h / side;
        float scaleX = (float) w / side;
        int[] y0 = new int[side];
        int[] y1 = new int[side];
        float[] fy = new float[side];
        int[] x0 = new int[side];
        int[] x1 = new int[side];
        float[] fx = new float[side];
        axis(side, h, scaleY, y0, y1, fy);
        axis(side, w, scaleX, x0, x1, fx);
        float[] src = in.pixels();
        for (int plane = 0; plane < in.count() * c; plane++) {
            int sBase = plane * h * w;
            int dBase = plane * side * side;
            for (int y = 0; y < side; y++) {
                int r0 = sBase + y0[y] * w;
                int r1 = sBase + y1[y] * w;
                for (int x = 0; x < side; x++) {
                    float top = src[r0 + x0[x]] * (1 - fx[x]) + src[r0 + x1[x]] * fx[x];
                    float bottom = src[r1 + x0[x]] * (1 - fx[x]) + src[r1 + x1[x]] * fx[x];
                    out[dBase + y * side + x] = top * (1 - fy[y]) + bottom * fy[y];
                }
            }
        }
        return new ImageSet(in.count(), c, side, side, out);
    }

    private static void axis(int outSize, int inSize, float scale, int[] i0, int[] i1, float[] f) {
        for (int o = 0; o < outSize; o++) {
            float src = Math.max(0f, (o + 0.5f) * scale - 0.5f);
            int lo = Math.min((int) src, inSize - 1);
            i0[o] = lo;
            i1[o] = Math.min(lo + 1, inSize - 1);
            f[o] = src - lo;
        }
    }

    /**
     * Converts between grey and RGB.
     *
     * @param in the images
     * @param channels 1 or 3
     * @return images with that many channels
     */
    public static ImageSet convertChannels(ImageSet in, int channels) {
        if (in.channels() == channels) {
            return in;
        }
        int plane = in.height() * in.width();
        float[] src = in.pixels();
        float[] out = new float[in.count() * channels * plane];
        if (in.channels() == 1 && channels == 3) {
            for (int i = 0; i < in.count(); i++) {
                for (int ch = 0; ch < 3; ch++) {
                    System.arraycopy(src, i * plane, out, (i * 3 + ch) * plane, plane);
                }
            }
        } else if (in.channels() == 3 && channels == 1) {
            for (int i = 0; i < in.count(); i++) {
                int s = i * 3 * plane;
                for (int p = 0; p < plane; p++) {
                    out[i * plane + p] = 0.299f * src[s + p] + 0.587f * src[s + plane + p]
                            + 0.114f * src[s + 2 * plane + p];
                }
            }
        } else {
            throw new IllegalArgumentException(
                    "cannot convert " + in.channels() + " channels to " + channels);
        }
        return new ImageSet(in.count(), channels, in.height(), in.width(), out);
    }
}
