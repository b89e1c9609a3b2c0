package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbridge.TestData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path tmp;

    static byte[] idxImages(int magic, int count, int rows, int cols, int actualImages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < actualImages * rows * cols; i++) {
            out.writeByte(i % 256);
        }
        return bytes.toByteArray();
    }

    static byte[] idxLabels(int count, int value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsRealMnistInUnitRange() {
        Path dir = TestData.root().resolve("mnist");
        ImageSet images = IdxReader.readImages(dir.resolve("t10k-images-idx3-ubyte.gz"));
        int[] labels = IdxReader.readLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        assertThat(images.count()).isEqualTo(10000);
        assertThat(images.height()).isEqualTo(28);
        assertThat(images.range()).containsExactly(0f, 1f);
        assertThat(labels).hasSize(10000);
        assertThat(labels[0]).isEqualTo(7); // the first MNIST test digit is a 7
    }

    @Test
    void readsRawAndGzipAlike() throws IOException {
        byte[] data = idxImages(IdxReader.IMAGES_MAGIC, 2, 3, 3, 2);
        Path raw = Files.write(tmp.resolve("x-idx3-ubyte"), data);
        Path gz = tmp.resolve("x-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(data);
        }
        assertThat(IdxReader.readImages(gz).pixels()).containsExactly(IdxReader.readImages(raw).pixels());
        assertThat(IdxReader.readImages(raw).pixels()[17]).isEqualTo(17 / 255f);
    }

    @Test
    void wrongMagicNamesFile() throws IOException {
        Path f = Files.write(tmp.resolve("bad-idx3-ubyte"), idxImages(1234, 1, 2, 2, 1));
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("wrong magic number 1234");
    }

    @Test
    void zeroImagesOfAnOverflowingSizeIsAnImplausibleHeader() throws IOException {
        // found by ReaderFuzzTest: with count 0 the total is 0, but rows×cols overflows an int
        Path f = Files.write(tmp.resolve("huge-idx3-ubyte"),
                idxImages(2051, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, 0));
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("implausible IDX header");
    }

    @Test
    void truncatedFileNamesFileAndCounts() throws IOException {
        Path f = Files.write(tmp.resolve("short-idx3-ubyte"), idxImages(IdxReader.IMAGES_MAGIC, 5, 2, 2, 3));
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(DataException.class)
                .hasMessage(f + ": truncated: header promises 5 images, file ends after 3");
        Path header = Files.write(tmp.resolve("hdr-idx3-ubyte"), new byte[] {0, 0, 8});
        assertThatThrownBy(() -> IdxReader.readImages(header)).hasMessageContaining("inside the IDX header");
    }

    @Test
    void truncatedGzipOfRealFileFailsCleanly() throws IOException {
        Path real = TestData.root().resolve("mnist/t10k-labels-idx1-ubyte.gz");
        byte[] all = Files.readAllBytes(real);
        Path cut = Files.write(tmp.resolve("t10k-labels-idx1-ubyte.gz"),
                java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> IdxReader.readLabels(cut, 10))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(cut.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        Path f = Files.write(tmp.resolve("l-idx1-ubyte"), idxLabels(3, 12));
        assertThatThrownBy(() -> IdxReader.readLabels(f, 10)).hasMessageContaining("label 12");
    }

    @Test
    void imageLabelCountMismatchIsRejected() throws IOException {
        Path images = Files.write(tmp.resolve("train-images-idx3-ubyte.gz.raw"),
                idxImages(IdxReader.IMAGES_MAGIC, 4, 28, 28, 4));
        Path labels = Files.write(tmp.resolve("train-labels.raw"), idxLabels(3, 1));
        DatasetFile fi = new DatasetFile("i", java.net.URI.create("http://x/i"), java.util.Set.of(), java.util.Set.of());
        DatasetFile fl = new DatasetFile("l", java.net.URI.create("http://x/l"), java.util.Set.of(), java.util.Set.of());
        DatasetSpec spec = new DatasetSpec("toy", DatasetSpec.Format.IDX, ClassNames.digits(),
                java.util.List.of(new DatasetSpec.Split("train", 4, fi, fl)));
        assertThatThrownBy(() -> spec.read(spec.split("train"), f -> f == fi ? images : labels))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("3 labels but")
                .hasMessageContaining("has 4 images");
    }
}
