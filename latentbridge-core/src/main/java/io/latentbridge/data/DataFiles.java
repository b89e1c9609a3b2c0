package io.latentbridge.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Opens data files, transparently decompressing {@code .gz} and {@code .bz2}. */
final class DataFiles {

    private DataFiles() {}

    /**
     * Opens a file for reading, decompressing it by its extension.
     *
     * @param file the file
     * @return a buffered stream of the uncompressed bytes
     */
    static InputStream open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "file not found");
        }
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            String name = file.getFileName().toString();
            if (name.endsWith(".gz")) {
                return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            }
            if (name.endsWith(".bz2")) {
                return new BufferedInputStream(new BZip2CompressorInputStream(raw), 1 << 16);
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new DataException(file, "file not found");
        } catch (IOException e) {
            throw new DataException(file, "cannot be opened (" + oneLine(e) + ")", e);
        }
    }

    /** @return the exception's message on one line, or its class name */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.replaceAll("\\s+", " ").trim();
    }
}
