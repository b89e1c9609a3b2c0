package io.latentbridge.data;

import java.net.URI;
import java.util.Set;

/**
 * One file of a catalog dataset: its official name and download address, and the digests of
 * every copy known to be good.
 *
 * @param fileName the official file name
 * @param url the official download address
 * @param sha256 SHA-256 digests of known good copies
 * @param md5 MD5 digests of known good copies (where only those are published)
 */
public record DatasetFile(String fileName, URI url, Set<String> sha256, Set<String> md5) {

    /** Copies the sets. */
    public DatasetFile {
        sha256 = Set.copyOf(sha256);
        md5 = Set.copyOf(md5);
    }

    /**
     * @param digests a file's digests
     * @return whether they match a known good copy
     */
    public boolean isKnownCopy(Checksums.Digests digests) {
        return sha256.contains(digests.sha256()) || md5.contains(digests.md5());
    }
}
