package io.latentbridge.data;

/**
 * Provenance of one file read: where it was, and its SHA-256.
 *
 * @param path the file's absolute path
 * @param sha256 its SHA-256
 */
public record DataFileRecord(String path, String sha256) {}
