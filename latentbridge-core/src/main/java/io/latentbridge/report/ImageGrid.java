package io.latentbridge.report;

import io.latentbridge.data.ImageSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes rows of images as one PNG grid, each pixel drawn as a square of {@code scale}. */
public final class ImageGrid {

    private ImageGrid() {}

    /**
     * Writes a grid atomically.
     *
     * @param rows each row's images (all rows the same count and shape)
     * @param scale pixels per image pixel
     * @param file the PNG to write
     * @throws IOException when the file cannot be written
     */
    public static void write(List<ImageSet> rows, int scale, Path file) throws IOException {
        ImageSet first = rows.get(0);
        int h = first.height();
        int w = first.width();
        int gap = 2;
        int cols = first.count();
        BufferedImage out = new BufferedImage(cols * (w * scale + gap) + gap,
                rows.size() * (h * scale + gap) + gap, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, 0x404040);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            ImageSet row = rows.get(r);
            int c3 = row.channels();
            int plane = h * w;
            for (int i = 0; i < row.count(); i++) {
                int base = i * row.imageSize();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int[] rgb = new int[3];
                        for (int ch = 0; ch < 3; ch++) {
                            float v = row.pixels()[base + (c3 == 1 ? 0 : ch * plane) + y * w + x];
                            rgb[ch] = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
                        }
                        int colour = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
                        for (int dy = 0; dy < scale; dy++) {
                            for (int dx = 0; dx < scale; dx++) {
                                out.setRGB(gap + i * (w * scale + gap) + x * scale + dx,
                                        gap + r * (h * scale + gap) + y * scale + dy, colour);
                            }
                        }
                    }
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ImageIO.write(out, "png", tmp.toFile());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
