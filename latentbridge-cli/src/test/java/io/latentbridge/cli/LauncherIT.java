package io.latentbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher as a user runs it: {@code bin/latentbridge} on the jar this build just packaged
 * (failsafe runs after {@code package}, so the launcher finds an up-to-date jar and builds
 * nothing).
 */
class LauncherIT {

    record Outcome(int code, String out) {}

    static Outcome launch(String... args) throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/latentbridge").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void versionHelpAndVerify() throws Exception {
        Outcome version = launch("--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out()).doesNotContain("building").startsWith("latentbridge ");

        Outcome verify = launch("data", "verify", "--data-dir", CliTest.data().toString());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("10 of 10 files present, ").contains("all OK.");

        Outcome missing = launch("data", "verify", "--data-dir", "/nonexistent");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out().strip())
                .isEqualTo("latentbridge: /nonexistent: data directory (--data-dir) does not exist");

        Outcome badKey = launch("train", "--method", "cdlm", "--source", "mnist", "--target",
                "usps", "--set", "steps=-3");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.out().strip()).isEqualTo(
                "latentbridge: invalid config: steps must be positive, got -3");
    }
}
