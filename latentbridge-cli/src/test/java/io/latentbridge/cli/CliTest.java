package io.latentbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes and one-line errors. */
class CliTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = Main.run(args);
            return new Outcome(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path data() {
        String env = System.getenv("LATENTBRIDGE_DATA");
        // as in the core tests: relative to the project root, where the README's command is typed
        Path project = Path.of(System.getProperty("latentbridge.root", ".."));
        return project.resolve(env != null && !env.isBlank() ? env : "../shared/datasets")
                .toAbsolutePath().normalize();
    }

    @Test
    void verifyAcceptsTheRealDatasets() {
        Outcome o = run("data", "verify", "--data-dir", data().toString());
        assertThat(o.code()).as(o.err()).isZero();
        // generated domains cached on this machine are verified too, and listed after
        assertThat(o.out()).contains("10 of 10 files present, ").contains("all OK.");
        assertThat(o.out().lines()
                .filter(l -> l.matches("^OK\\s+(mnist|fashion-mnist|usps)\\s.*"))).hasSize(10);
        assertThat(o.out()).contains("60000", "10000", "7291", "2007");
    }

    @Test
    void verifyNamesATruncatedFileAndExits2() throws IOException {
        Path root = tmp.resolve("data");
        for (String ds : new String[] {"mnist", "fashion-mnist", "usps"}) {
            Files.createDirectories(root.resolve(ds));
            try (var files = Files.list(data().resolve(ds))) {
                for (Path f : files.toList()) {
                    Files.createSymbolicLink(root.resolve(ds).resolve(f.getFileName()), f);
                }
            }
        }
        Path victim = root.resolve("usps/usps.t.bz2");
        byte[] all = Files.readAllBytes(victim);
        Files.delete(victim);
        Files.write(victim, Arrays.copyOf(all, all.length / 2));
        Outcome o = run("data", "verify", "--data-dir", root.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").startsWith("latentbridge: " + victim);
        assertThat(o.err()).doesNotContain("Exception");
        assertThat(o.out()).contains("FAIL    usps");
    }

    @Test
    void missingDataDirIsOneLineExit2() {
        Outcome o = run("data", "verify", "--data-dir", "/nonexistent");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip())
                .isEqualTo("latentbridge: /nonexistent: data directory (--data-dir) does not exist");
    }

    @Test
    void trainRejectsBadConfigBeforeDoingAnyWork() {
        Outcome unknown = run("train", "--method", "cdlm", "--source", "mnist", "--target", "usps",
                "--set", "lamda_adv=1", "--data-dir", data().toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown key 'lamda_adv'").doesNotContain("Exception");
        Outcome lr = run("train", "--method", "cdlm", "--source", "mnist", "--target", "usps",
                "--set", "lr=-0.1");
        assertThat(lr.code()).isEqualTo(2);
        assertThat(lr.err()).contains("lr must be a positive number");
        Outcome method = run("train", "--method", "nope", "--source", "mnist", "--target", "usps");
        assertThat(method.code()).isEqualTo(2);
        assertThat(method.err()).contains("unknown method 'nope'");
    }

    @Test
    void badImageOptionsAreOneLineExit2() {
        Outcome o = run("train", "--method", "cdlm", "--source", "mnist", "--target", "usps",
                "--channels", "2", "--data-dir", data().toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("latentbridge: --channels must be 1 or 3, got 2");
        Outcome s = run("train", "--method", "cdlm", "--source", "mnist", "--target", "usps",
                "--image-size", "30");
        assertThat(s.err()).contains("--image-size must be a multiple of 4");
    }

    @Test
    void dataPreviewWritesOneRowPerClassAndRejectsBadOptions() throws IOException {
        Path png = tmp.resolve("usps.png");
        Outcome o = run("data", "preview", "usps", "--per-class", "5", "--scale", "2",
                "--data-dir", data().toString(), "--out", png.toString());
        assertThat(o.code()).isEqualTo(0);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        // 10 rows and 5 columns of 16x16 images at scale 2, 2-pixel gaps
        assertThat(image.getHeight()).isEqualTo(10 * (32 + 2) + 2);
        assertThat(image.getWidth()).isEqualTo(5 * (32 + 2) + 2);
        Outcome bad = run("data", "preview", "usps", "--scale", "0", "--data-dir",
                data().toString(), "--out", png.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(lastLine(bad.err())).isEqualTo("latentbridge: --scale must be in 1..16, got 0");
        Outcome spec = run("data", "preview", "syndigits:colour=red", "--data-dir",
                data().toString(), "--out", png.toString());
        assertThat(spec.code()).isEqualTo(2);
        assertThat(lastLine(spec.err())).contains("unknown key 'colour'");
    }

    @Test
    void unknownDatasetIsOneLineExit2() {
        Outcome o = run("train", "--method", "source-only", "--source", "mnist", "--target", "svhn",
                "--steps", "1", "--data-dir", data().toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown dataset 'svhn'");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedIsOneLineExit2() throws IOException {
        Path file = Files.write(tmp.resolve("a-file"), new byte[] {1});
        Outcome o = run("train", "--method", "source-only", "--source", "mnist", "--target", "usps",
                "--steps", "1", "--data-dir", data().toString(), "--out", file.resolve("run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(lastLine(o.err())).isEqualTo("latentbridge: " + file.resolve("run")
                + ": cannot create the run directory (Not a directory)");
        assertThat(o.err()).doesNotContain("Exception");
    }

    @Test
    void resumeNeedsAnUnfinishedRunAndNothingElse() throws IOException {
        String d = data().toString();
        Outcome none = run("train", "--resume", tmp.resolve("nope").toString(), "--data-dir", d);
        assertThat(none.code()).isEqualTo(2);
        assertThat(lastLine(none.err())).isEqualTo("latentbridge: " + tmp.resolve("nope")
                + ": not a run directory (no config.json)");
        Outcome mixed = run("train", "--resume", tmp.toString(), "--steps", "5");
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("--resume takes the run's recorded configuration");
        Outcome missing = run("train", "--source", "mnist", "--target", "usps");
        assertThat(missing.err().strip()).isEqualTo(
                "latentbridge: --method is required (or --resume DIR)");
        Files.writeString(tmp.resolve("config.json"), "{ not json");
        Outcome broken = run("train", "--resume", tmp.toString(), "--data-dir", d);
        assertThat(broken.code()).isEqualTo(2);
        assertThat(lastLine(broken.err())).startsWith("latentbridge: " + tmp.resolve("config.json")
                + ": not a readable run configuration").doesNotContain("\n");
    }

    @Test
    void latentTranslationMistakesAreOneLineExit2() throws IOException {
        String d = data().toString();
        Outcome notBridge = run("train", "--method", "dann", "--source", "mnist", "--target",
                "usps", "--base-a", "x");
        assertThat(notBridge.code()).isEqualTo(2);
        assertThat(notBridge.err()).contains("options of --method bridge only");
        Outcome missing = run("train", "--method", "bridge", "--source", "mnist", "--target",
                "fashion-mnist", "--data-dir", d);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(lastLine(missing.err()))
                .isEqualTo("latentbridge: --base-a is required for --method bridge");
        Outcome absent = run("train", "--method", "bridge", "--source", "mnist", "--target",
                "fashion-mnist", "--base-a", tmp.resolve("nope").toString(), "--base-b", "b",
                "--classifier-a", "c", "--classifier-b", "d", "--data-dir", d);
        assertThat(lastLine(absent.err())).startsWith("latentbridge: --base-a "
                + tmp.resolve("nope") + ": not a pretrained model (no pretrained.json");
        Outcome badKey = run("train", "--method", "bridge", "--source", "mnist", "--target",
                "fashion-mnist", "--set", "beta_kl=-1");
        assertThat(badKey.err()).contains("beta_kl must be zero or positive")
                .doesNotContain("Exception");
        Outcome kind = run("pretrain", "gan", "--data", "mnist", "--out", tmp.toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown pretrained model kind 'gan'");
        Outcome key = run("pretrain", "vae", "--data", "mnist", "--out", tmp.toString(),
                "--set", "latnt=3");
        assertThat(key.err()).contains("unknown key 'latnt' for method vae");
        assertThat(tmp.resolve("pretrained.json")).doesNotExist();
        Path bridgeRun = tmp.resolve("bridge-run");
        Files.createDirectories(bridgeRun);
        Files.writeString(bridgeRun.resolve("config.json"), "{\"method\": \"bridge\"}");
        Outcome resume = run("train", "--resume", bridgeRun.toString(), "--data-dir", d);
        assertThat(resume.code()).isEqualTo(2);
        assertThat(lastLine(resume.err())).isEqualTo("latentbridge: " + bridgeRun
                + ": a bridge run cannot be resumed (it keeps no checkpoints); train it again"
                + " with --out");
    }

    /** The error line (the engine's start-up line may come before it). */
    static String lastLine(String err) {
        return err.strip().lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void listShowsWhereEachFileWasFound() {
        Outcome o = run("data", "list", "--data-dir", data().toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("usps.t.bz2", "2007", data().resolve("usps").toString());
        Outcome empty = run("data", "list", "--data-dir", tmp.toString());
        assertThat(empty.out()).contains("missing (downloads from https://");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help").code()).isZero();
        assertThat(run("train", "--help").out()).contains("--method", "--set", "--steps");
        assertThat(run("benchmark", "--help").out()).contains("--methods", "--tasks", "--seeds",
                "--first-seed");
        assertThat(run("--version").out()).startsWith("latentbridge ");
    }

    @Test
    void benchmarkRejectsABadFirstSeedBeforeDoingAnyWork() {
        Outcome o = run("benchmark", "--methods", "cdlm", "--tasks", "mnist:usps", "--first-seed",
                "0", "--out", tmp.resolve("grid").toString(), "--data-dir", data().toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("latentbridge: --first-seed must be positive, got 0");
        assertThat(tmp.resolve("grid")).doesNotExist();
    }

    @Test
    void evalOfANonRunIsOneLineExit2() {
        Outcome o = run("eval", "--run", tmp.toString(), "--data-dir", data().toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("not a run directory");
    }
}
