package io.latentbridge.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5 digests of files, in lower-case hex. */
public final class Checksums {

    private Checksums() {}

    /** The two digests of one file. */
    public record Digests(String sha256, String md5) {}

    /**
     * Digests a file in one pass.
     *
     * @param file the file
     * @return its SHA-256 and MD5
     */
    public static Digests of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                md5.update(buffer, 0, n);
            }
            HexFormat hex = HexFormat.of();
            return new Digests(hex.formatHex(sha.digest()), hex.formatHex(md5.digest()));
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + DataFiles.oneLine(e) + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param file the file
     * @return its SHA-256
     */
    public static String sha256(Path file) {
        return of(file).sha256();
    }
}
