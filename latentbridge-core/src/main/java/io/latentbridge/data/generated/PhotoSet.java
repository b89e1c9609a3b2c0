package io.latentbridge.data.generated;

import io.latentbridge.data.Checksums;
import io.latentbridge.data.DataException;
import io.latentbridge.data.DataFileRecord;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The colour photographs {@code mnistm} crops its backgrounds from: scikit-image's sample
 * photographs as Debian ships them (package {@code python3-skimage}, 0.19.3), public images the
 * original MNIST-M's BSDS500 cannot be replaced by on a machine without internet.
 *
 * @param photos each photograph as RGB planes in [0, 1]: {@code [3][height][width]}
 * @param files each file's name and SHA-256, in the same order
 */
public record PhotoSet(List<float[][][]> photos, List<DataFileRecord> files) {

    /** The photographs used, in this order: the colour photographs of scikit-image's data. */
    public static final List<String> NAMES = List.of("astronaut.png", "chelsea.png",
            "coffee.png", "rocket.jpg", "motorcycle_left.png", "motorcycle_right.png",
            "hubble_deep_field.jpg", "retina.jpg", "ihc.png");

    /**
     * Loads the documented photographs from a folder.
     *
     * @param dir the folder
     * @return the photographs
     * @throws DataException naming the missing files when any is absent or unreadable
     */
    public static PhotoSet load(Path dir) {
        List<String> missing = NAMES.stream().filter(n -> !Files.isRegularFile(dir.resolve(n)))
                .toList();
        if (!missing.isEmpty()) {
            throw new DataException(dir, "missing photographs " + String.join(", ", missing)
                    + " for mnistm (run scripts/setup-domains.sh, or set " + Assets.ENV + ")");
        }
        List<float[][][]> photos = new ArrayList<>();
        List<DataFileRecord> files = new ArrayList<>();
        for (String name : NAMES) {
            Path file = dir.resolve(name);
            BufferedImage image;
            try {
                image = ImageIO.read(file.toFile());
            } catch (IOException e) {
                image = null;
            }
            if (image == null) {
                throw new DataException(file, "not a readable PNG or JPEG photograph");
            }
            photos.add(planes(image));
            files.add(new DataFileRecord(name, Checksums.sha256(file)));
        }
        return new PhotoSet(List.copyOf(photos), List.copyOf(files));
    }

    static float[][][] planes(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[][][] rgb = new float[3][h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                rgb[0][y][x] = ((argb >> 16) & 0xFF) / 255f;
                rgb[1][y][x] = ((argb >> 8) & 0xFF) / 255f;
                rgb[2][y][x] = (argb & 0xFF) / 255f;
            }
        }
        return rgb;
    }
}
