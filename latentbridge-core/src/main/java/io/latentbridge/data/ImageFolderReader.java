package io.latentbridge.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of images laid out as {@code ROOT/<split>/<class>/*.png|jpg}.
 *
 * <p>Classes are the sub-folder names, sorted; files are read in name order so the result is
 * reproducible. A folder is grey when every pixel of every image has equal R, G and B, and RGB
 * otherwise. Each image is resized to a common side on reading, so folders of mixed sizes work.
 */
public final class ImageFolderReader {

    private ImageFolderReader() {}

    /** Images, labels, class names, and the files read. */
    public record Result(ImageSet images, int[] labels, ClassNames classes, List<Path> files) {}

    /**
     * Reads one split.
     *
     * @param root the dataset folder
     * @param split {@code train} or {@code test}
     * @param side the side every image is resized to
     * @return what was read
     */
    public static Result read(Path root, String split, int side) {
        Path dir = root.resolve(split);
        if (!Files.isDirectory(root)) {
            throw new DataException(root, "image folder does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, "missing split folder (expected " + root + "/" + split
                    + "/<class>/*.png)");
        }
        List<Path> classDirs = list(dir).stream().filter(Files::isDirectory).toList();
        if (classDirs.isEmpty()) {
            throw new DataException(dir, "no class folders");
        }
        List<String> names = new ArrayList<>();
        List<float[]> rgb = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        boolean grey = true;
        for (int c = 0; c < classDirs.size(); c++) {
            Path classDir = classDirs.get(c);
            names.add(classDir.getFileName().toString());
            List<Path> images = list(classDir).stream().filter(ImageFolderReader::isImage).toList();
            if (images.isEmpty()) {
                throw new DataException(classDir, "class folder has no .png or .jpg images");
            }
            for (Path file : images) {
                BufferedImage image;
                try {
                    image = ImageIO.read(file.toFile());
                } catch (IOException | RuntimeException e) {
                    image = null;
                }
                if (image == null) {
                    throw new DataException(file, "not a readable PNG or JPEG image");
                }
                float[] values = toRgb(image);
                grey &= isGrey(values);
                ImageSet one = new ImageSet(1, 3, image.getHeight(), image.getWidth(), values);
                rgb.add(Preprocessing.resize(one, side).pixels());
                labels.add(c);
                files.add(file);
            }
        }
        int plane = side * side;
        float[] pixels = new float[rgb.size() * 3 * plane];
        for (int i = 0; i < rgb.size(); i++) {
            System.arraycopy(rgb.get(i), 0, pixels, i * 3 * plane, 3 * plane);
        }
        ImageSet set = new ImageSet(rgb.size(), 3, side, side, pixels);
        if (grey) {
            // R = G = B everywhere: keep one channel, exactly
            float[] one = new float[rgb.size() * plane];
            for (int i = 0; i < rgb.size(); i++) {
                System.arraycopy(pixels, i * 3 * plane, one, i * plane, plane);
            }
            set = new ImageSet(rgb.size(), 1, side, side, one);
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new Result(set, labelArray, new ClassNames(names), files);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir, "cannot list folder (" + DataFiles.oneLine(e) + ")", e);
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p)
                && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    private static float[] toRgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[] out = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                out[y * w + x] = ((argb >> 16) & 0xFF) / 255f;
                out[h * w + y * w + x] = ((argb >> 8) & 0xFF) / 255f;
                out[2 * h * w + y * w + x] = (argb & 0xFF) / 255f;
            }
        }
        return out;
    }

    private static boolean isGrey(float[] rgb) {
        int plane = rgb.length / 3;
        for (int p = 0; p < plane; p++) {
            if (rgb[p] != rgb[plane + p] || rgb[p] != rgb[2 * plane + p]) {
                return false;
            }
        }
        return true;
    }
}
