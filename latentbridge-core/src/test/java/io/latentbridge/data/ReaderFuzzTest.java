package io.latentbridge.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Random and mutated bytes fed to the IDX and LIBSVM readers: each file either reads as valid
 * data or fails with a {@link DataException}; nothing else is thrown and nothing hangs.
 */
class ReaderFuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** A valid 3-image 4×4 IDX image file. */
    static byte[] validIdxImages() {
        ByteBuffer b = ByteBuffer.allocate(16 + 3 * 16);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(3).putInt(4).putInt(4);
        for (int i = 0; i < 48; i++) {
            b.put((byte) (i * 5));
        }
        return b.array();
    }

    /** A valid 3-label IDX label file. */
    static byte[] validIdxLabels() {
        ByteBuffer b = ByteBuffer.allocate(8 + 3);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(3).put((byte) 1).put((byte) 7).put((byte) 9);
        return b.array();
    }

    static byte[] validLibsvm() {
        return "3 1:-1 2:1 4:0\n1 3:0.5\n10 1:0.25 2:-0.5 3:1 4:1\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** Valid bytes with a few positions overwritten, a cut, or junk appended. */
    static Arbitrary<byte[]> mutationsOf(byte[] valid) {
        Arbitrary<byte[]> flips = Arbitraries.integers().between(0, valid.length - 1).list()
                .ofMinSize(1).ofMaxSize(4).flatMap(positions -> Arbitraries.bytes().list()
                        .ofSize(positions.size()).map(values -> {
                            byte[] out = valid.clone();
                            for (int i = 0; i < positions.size(); i++) {
                                out[positions.get(i)] = values.get(i);
                            }
                            return out;
                        }));
        Arbitrary<byte[]> cuts = Arbitraries.integers().between(0, valid.length - 1)
                .map(n -> java.util.Arrays.copyOf(valid, n));
        Arbitrary<byte[]> tails = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                .map(extra -> {
                    byte[] out = java.util.Arrays.copyOf(valid, valid.length + extra.length);
                    System.arraycopy(extra, 0, out, valid.length, extra.length);
                    return out;
                });
        return Arbitraries.oneOf(flips, cuts, tails);
    }

    @Provide
    Arbitrary<byte[]> idxImages() {
        return Arbitraries.oneOf(mutationsOf(validIdxImages()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    @Provide
    Arbitrary<byte[]> idxLabels() {
        return Arbitraries.oneOf(mutationsOf(validIdxLabels()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    @Provide
    Arbitrary<byte[]> libsvm() {
        Arbitrary<byte[]> text = Arbitraries.strings().withChars("0123456789 :.-+e\nx\t")
                .ofMaxLength(120).map(s -> s.getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.oneOf(mutationsOf(validLibsvm()), text,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(120));
    }

    /**
     * Writes the bytes to a fresh temporary directory under the given file name, reads them
     * with {@code read}, and deletes both afterwards (a run makes over a thousand files; left
     * to {@code deleteOnExit}, the directories outlived the JVM).
     */
    private static void readsOrFailsCleanly(byte[] bytes, String name, Consumer<Path> read) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lb-fuzz");
            Path f = dir.resolve(name);
            Files.write(f, bytes);
            readsOrFailsCleanly(() -> read.accept(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try {
                    FileTrees.delete(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] bzip2(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream z = new BZip2CompressorOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    /** Runs a read: success or a DataException pass; anything else (or a hang) fails. */
    private static void readsOrFailsCleanly(Runnable read) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                read.run();
            } catch (DataException expected) {
                // the clean failure
            }
        });
    }

    @Property(tries = 300)
    void idxImageReaderNeverFailsUncleanly(@ForAll("idxImages") byte[] bytes) {
        readsOrFailsCleanly(bytes, "images-idx3-ubyte", f -> IdxReader.readImages(f));
    }

    @Property(tries = 150)
    void gzippedIdxImagesToo(@ForAll("idxImages") byte[] bytes) throws IOException {
        readsOrFailsCleanly(gzip(bytes), "images-idx3-ubyte.gz", f -> IdxReader.readImages(f));
    }

    @Property(tries = 100)
    void randomBytesNamedGzip(@ForAll @Size(max = 100) byte[] bytes) {
        readsOrFailsCleanly(bytes, "images-idx3-ubyte.gz", f -> IdxReader.readImages(f));
    }

    @Property(tries = 300)
    void idxLabelReaderNeverFailsUncleanly(@ForAll("idxLabels") byte[] bytes) {
        readsOrFailsCleanly(bytes, "labels-idx1-ubyte", f -> IdxReader.readLabels(f, 10));
    }

    @Property(tries = 300)
    void libsvmReaderNeverFailsUncleanly(@ForAll("libsvm") byte[] bytes) {
        readsOrFailsCleanly(bytes, "digits", f -> LibsvmReader.read(f, 2, 10));
    }

    @Property(tries = 100)
    void bzippedLibsvmToo(@ForAll("libsvm") byte[] bytes) throws IOException {
        readsOrFailsCleanly(bzip2(bytes), "digits.bz2", f -> LibsvmReader.read(f, 2, 10));
    }

    @Property(tries = 100)
    void randomBytesNamedBzip2(@ForAll @Size(max = 100) byte[] bytes) {
        readsOrFailsCleanly(bytes, "digits.bz2", f -> LibsvmReader.read(f, 2, 10));
    }
}
