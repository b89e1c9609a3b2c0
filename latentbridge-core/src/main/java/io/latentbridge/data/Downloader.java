package io.latentbridge.data;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Downloads a catalog file from its official address.
 *
 * <p>The bytes go to a temporary file beside the destination; only when the whole file has
 * arrived and its digest matches a known good copy is it renamed into place, atomically. An
 * interrupted or corrupt download therefore never leaves a file that looks complete.
 */
public class Downloader {

    private final HttpClient client;

    /** Creates a downloader that follows redirects. */
    public Downloader() {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Fetches a file.
     *
     * @param file what to fetch
     * @param destination where it must end up
     * @return {@code destination}
     */
    public Path fetch(DatasetFile file, Path destination) {
        return fetch(file, file.url(), destination);
    }

    /**
     * Fetches a file from a given address (tests point this at a local server).
     *
     * @param file what to fetch; its digests are checked
     * @param url where from
     * @param destination where it must end up
     * @return {@code destination}
     */
    public Path fetch(DatasetFile file, java.net.URI url, Path destination) {
        Path tmp = null;
        try {
            Files.createDirectories(destination.getParent());
            tmp = Files.createTempFile(destination.getParent(), destination.getFileName() + ".", ".part");
            HttpRequest request = HttpRequest.newBuilder(url).GET().build();
            HttpResponse<Path> response = client.send(request,
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (response.statusCode() != 200) {
                throw new DataException(destination, "download from " + url + " failed (HTTP "
                        + response.statusCode() + ")");
            }
            Checksums.Digests digests = Checksums.of(tmp);
            if (!file.isKnownCopy(digests)) {
                throw new DataException(destination, "download from " + url
                        + " has an unknown checksum (sha256 " + digests.sha256() + ")");
            }
            Files.move(tmp, destination, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            return destination;
        } catch (IOException e) {
            throw new DataException(destination, "download from " + url + " failed ("
                    + DataFiles.oneLine(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException(destination, "download interrupted");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .part file never looks like a complete one
                }
            }
        }
    }
}
