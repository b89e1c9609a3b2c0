package io.latentbridge.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes images and labels in the IDX format {@link IdxReader} reads, gzip-compressed.
 *
 * <p>Grey images become {@code idx3} files (N×H×W), colour images {@code idx4} files (N×H×W×C,
 * interleaved like a picture). Values in [0, 1] are stored as {@code round(255·v)}. Java's gzip
 * writes no timestamp, so equal images give byte-identical files (generated domains are
 * checked by SHA-256).
 */
public final class IdxWriter {

    private IdxWriter() {}

    /**
     * @param images images with values in [0, 1]
     * @param file the {@code .gz} file to write
     * @throws IOException when it cannot be written
     */
    public static void writeImages(ImageSet images, Path file) throws IOException {
        try (DataOutputStream out = open(file)) {
            boolean colour = images.channels() > 1;
            out.writeInt(colour ? IdxReader.COLOUR_IMAGES_MAGIC : IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.height());
            out.writeInt(images.width());
            if (colour) {
                out.writeInt(images.channels());
            }
            out.write(bytes(images));
        }
    }

    /**
     * The stored bytes of images: interleaved (H, W, C), each {@code round(255·v)}.
     *
     * @param images images with values in [0, 1]
     * @return the bytes an IDX file holds after its header
     */
    public static byte[] bytes(ImageSet images) {
        int c = images.channels();
        int plane = images.height() * images.width();
        int size = plane * c;
        float[] px = images.pixels();
        byte[] out = new byte[images.count() * size];
        for (int i = 0; i < images.count(); i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    float v = px[i * size + ch * plane + p];
                    int b = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
                    out[i * size + p * c + ch] = (byte) b;
                }
            }
        }
        return out;
    }

    /**
     * @param labels labels in 0..255
     * @param file the {@code .gz} file to write
     * @throws IOException when it cannot be written
     */
    public static void writeLabels(int[] labels, Path file) throws IOException {
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16)));
    }
}
