package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbridge.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path tmp;

    static void png(Path file, int size, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, x == y ? rgb : 0);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    static Path digits(Path root, String... classes) throws IOException {
        for (String split : new String[] {"train", "test"}) {
            for (String c : classes) {
                png(root.resolve(split).resolve(c).resolve("a.png"), 20, 0xFFFFFF);
                png(root.resolve(split).resolve(c).resolve("b.png"), 16, 0x808080);
            }
        }
        return root;
    }

    @Test
    void readsGreyFoldersResizedWithSortedClasses() throws IOException {
        Path root = digits(tmp.resolve("d"), "1", "0");
        ImageFolderReader.Result r = ImageFolderReader.read(root, "train", 28);
        assertThat(r.classes().names()).containsExactly("0", "1");
        assertThat(r.images().count()).isEqualTo(4);
        assertThat(r.images().channels()).isEqualTo(1);
        assertThat(r.images().height()).isEqualTo(28);
        assertThat(r.labels()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void colourImagesKeepThreeChannels() throws IOException {
        png(tmp.resolve("c/train/x/a.png"), 8, 0xFF0000);
        assertThat(ImageFolderReader.read(tmp.resolve("c"), "train", 8).images().channels()).isEqualTo(3);
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        Path root = digits(tmp.resolve("d"), "0");
        Path broken = Files.writeString(root.resolve("train/0/zz.png"), "not a png");
        assertThatThrownBy(() -> ImageFolderReader.read(root, "train", 28))
                .isInstanceOf(DataException.class)
                .hasMessage(broken + ": not a readable PNG or JPEG image");
    }

    @Test
    void emptyClassFolderIsNamed() throws IOException {
        Path root = digits(tmp.resolve("d"), "0");
        Files.createDirectories(root.resolve("train/1"));
        assertThatThrownBy(() -> ImageFolderReader.read(root, "train", 28))
                .hasMessage(root.resolve("train/1") + ": class folder has no .png or .jpg images");
    }

    @Test
    void targetFolderWhoseClassesDoNotMatchTheSourceIsRejected() throws IOException {
        Path root = digits(tmp.resolve("cats"), "cat", "dog");
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        assertThatThrownBy(() -> Task.load("usps", "folder:" + root, roots, new Downloader(),
                Task.Options.DEFAULT))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(root.toString())
                .hasMessageContaining("[cat, dog]");
    }

    @Test
    void matchingDigitFolderLinesUpWithUspsByName() throws IOException {
        Path root = digits(tmp.resolve("my"), "3", "7");
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        Task t = Task.load("usps", "folder:" + root, roots, new Downloader(), Task.Options.DEFAULT);
        // folder labels 0,1 are classes "3","7": in USPS numbering 3 and 7
        assertThat(t.targetTest().labels()).containsExactly(3, 3, 7, 7);
        assertThat(t.targetTrain().size()).isEqualTo(4);
    }
}
