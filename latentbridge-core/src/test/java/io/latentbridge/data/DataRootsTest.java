package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootsTest {

    @TempDir
    Path tmp;

    @Test
    void missingExplicitRootIsOneLineError() {
        DataRoots r = new DataRoots(tmp.resolve("nope"), null, tmp, false);
        assertThatThrownBy(r::check).isInstanceOf(DataException.class)
                .hasMessage(tmp.resolve("nope") + ": data directory (--data-dir) does not exist");
    }

    @Test
    void explicitRootIsSearchedAloneAndNeverDownloads() throws IOException {
        Files.createDirectories(tmp.resolve("d/mnist"));
        DataRoots r = new DataRoots(tmp.resolve("d"), tmp.resolve("env"), tmp.resolve("cache"), true);
        assertThat(r.searched()).containsExactly(tmp.resolve("d"));
        DatasetFile f = new DatasetFile("x.gz", URI.create("http://127.0.0.1:9/x.gz"), Set.of(), Set.of());
        assertThatThrownBy(() -> r.locate("mnist", f, new Downloader()))
                .hasMessageContaining("file not found");
    }

    /** A local server stands in for the official host: no test touches the network. */
    @Test
    void downloadIsVerifiedAndAtomic() throws Exception {
        byte[] good = "payload".getBytes();
        byte[] bad = "tampered".getBytes();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good", ex -> { ex.sendResponseHeaders(200, good.length); ex.getResponseBody().write(good); ex.close(); });
        server.createContext("/bad", ex -> { ex.sendResponseHeaders(200, bad.length); ex.getResponseBody().write(bad); ex.close(); });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path src = Files.write(tmp.resolve("src"), good);
            DatasetFile file = new DatasetFile("f.bin", URI.create(base + "/good"),
                    Set.of(Checksums.sha256(src)), Set.of());
            Path cache = tmp.resolve("cache");
            Path got = new Downloader().fetch(file, cache.resolve("ds/f.bin"));
            assertThat(Files.readAllBytes(got)).isEqualTo(good);

            Path dest = cache.resolve("ds/g.bin");
            assertThatThrownBy(() -> new Downloader().fetch(file, URI.create(base + "/bad"), dest))
                    .isInstanceOf(DataException.class).hasMessageContaining("unknown checksum");
            assertThat(dest).doesNotExist();
            try (var listing = Files.list(cache.resolve("ds"))) {
                assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("f.bin");
            }
        } finally {
            server.stop(0);
        }
    }
}
