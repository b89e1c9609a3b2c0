package io.latentbridge.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed.
 *
 * <p>Images (magic 2051) become float values in [0, 1] (byte / 255); labels (magic 2049) become
 * ints. Every structural problem is reported as a one-line {@link DataException} naming the file.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images. */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned-byte colour images, N×H×W×C (generated domains). */
    public static final int COLOUR_IMAGES_MAGIC = 2052;
    /** Magic number of an IDX file of unsigned-byte labels. */
    public static final int LABELS_MAGIC = 2049;
    /** Refuse absurd headers instead of allocating gigabytes for a corrupt file. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private IdxReader() {}

    /**
     * Reads an image file.
     *
     * @param file an {@code *-idx3-ubyte} file (grey, N×H×W) or an {@code *-idx4-ubyte} file
     *     (colour, N×H×W×C), optionally {@code .gz}
     * @return the images, channels first, values in [0, 1]
     */
    public static ImageSet readImages(Path file) {
        try (InputStream in = DataFiles.open(file)) {
            DataInputStream data = new DataInputStream(in);
            int magic = readHeaderInt(data, file);
            if (magic != IMAGES_MAGIC && magic != COLOUR_IMAGES_MAGIC) {
                throw new DataException(file, "wrong magic number " + magic + " (expected "
                        + IMAGES_MAGIC + " or " + COLOUR_IMAGES_MAGIC + " for IDX images)");
            }
            int count = readHeaderInt(data, file);
            int rows = readHeaderInt(data, file);
            int cols = readHeaderInt(data, file);
            int channels = magic == COLOUR_IMAGES_MAGIC ? readHeaderInt(data, file) : 1;
            // the image size is checked on its own first: with count 0 the total is 0 whatever
            // the dimensions, and an overflowing rows×cols must not slip through (fuzzing found it)
            if (count < 0 || rows <= 0 || cols <= 0 || (channels != 1 && channels != 3)
                    || (long) rows * cols > MAX_VALUES
                    || (long) rows * cols * channels > MAX_VALUES
                    || count * ((long) rows * cols * channels) > MAX_VALUES) {
                throw new DataException(file, "implausible IDX header: " + count + " images of "
                        + rows + "x" + cols + "x" + channels);
            }
            int size = rows * cols * channels;
            // read before allocating: a corrupt header must not make us allocate gigabytes
            byte[] bytes = readExactly(data, (long) count * size, file,
                    n -> "truncated: header promises " + count + " images, file ends after "
                            + n / size);
            float[] pixels = new float[bytes.length];
            int plane = rows * cols;
            for (int j = 0; j < bytes.length; j++) {
                // stored interleaved (H, W, C) like a picture; held channels first (C, H, W)
                int item = j / size;
                int within = j % size;
                int ch = within % channels;
                int pixel = within / channels;
                pixels[item * size + ch * plane + pixel] = (bytes[j] & 0xFF) / 255f;
            }
            return new ImageSet(count, channels, rows, cols, pixels);
        } catch (IOException e) {
            throw new DataException(file, "unreadable (" + DataFiles.oneLine(e) + ")", e);
        }
    }

    /**
     * Reads a label file.
     *
     * @param file an {@code *-idx1-ubyte} file, optionally {@code .gz}
     * @param classes number of classes; every label must lie in {@code [0, classes)}
     * @return the labels
     */
    public static int[] readLabels(Path file, int classes) {
        try (InputStream in = DataFiles.open(file)) {
            DataInputStream data = new DataInputStream(in);
            int magic = readHeaderInt(data, file);
            if (magic != LABELS_MAGIC) {
                throw new DataException(file, "wrong magic number " + magic + " (expected "
                        + LABELS_MAGIC + " for IDX labels)");
            }
            int count = readHeaderInt(data, file);
            if (count < 0 || count > MAX_VALUES) {
                throw new DataException(file, "implausible IDX header: " + count + " labels");
            }
            byte[] bytes = readExactly(data, count, file,
                    n -> "truncated: header promises " + count + " labels, file ends early");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
                if (labels[i] >= classes) {
                    throw new DataException(file, "label " + labels[i] + " at item " + i
                            + " is outside 0.." + (classes - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw new DataException(file, "unreadable (" + DataFiles.oneLine(e) + ")", e);
        }
    }

    /**
     * Reads exactly {@code n} bytes in chunks, so memory grows with the data actually present,
     * not with what a (possibly corrupt) header promises.
     */
    private static byte[] readExactly(DataInputStream data, long n, Path file,
            java.util.function.LongFunction<String> truncated) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                (int) Math.min(n, 1 << 20));
        byte[] chunk = new byte[1 << 16];
        long left = n;
        while (left > 0) {
            int r = data.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (r < 0) {
                throw new DataException(file, truncated.apply(n - left));
            }
            out.write(chunk, 0, r);
            left -= r;
        }
        return out.toByteArray();
    }

    private static int readHeaderInt(DataInputStream data, Path file) throws IOException {
        try {
            return data.readInt();
        } catch (EOFException e) {
            throw new DataException(file, "truncated: file ends inside the IDX header");
        }
    }
}
