package io.latentbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the engine needs no download: a fresh JVM with an empty native cache, a home directory
 * of its own, and every HTTP(S) proxy pointed at a closed port starts the engine and computes.
 * Any attempt to fetch natives would fail there; none may be needed.
 */
class OfflineTest {

    @TempDir
    Path tmp;

    /** Runs in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            var info = io.latentbridge.train.EngineRuntime.start(Path.of(args[0]), 1);
            try (var m = ai.djl.ndarray.NDManager.newBaseManager()) {
                float v = m.create(new float[] {1f, 2f}).dot(m.create(new float[] {3f, 4f})).getFloat();
                System.out.println("engine=" + info.version() + " dot=" + v);
            }
        }
    }

    @Test
    void engineStartsWithNoNetworkAndAnEmptyCache() throws Exception {
        Path cache = tmp.resolve("cache");
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java,
                "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + home,
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
                Probe.class.getName(), cache.toString()));
        pb.environment().remove("DJL_CACHE_DIR");
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("engine=2.7.1 dot=11.0");
        // natives came out of the Maven jar into the chosen cache, nothing into the home folder
        try (var walk = Files.walk(cache)) {
            assertThat(walk.anyMatch(f -> f.getFileName().toString().startsWith("libtorch"))).isTrue();
        }
        try (var walk = Files.walk(home)) {
            assertThat(walk.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }
}
