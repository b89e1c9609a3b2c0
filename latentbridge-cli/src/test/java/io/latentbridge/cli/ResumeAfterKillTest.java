package io.latentbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CDLM run killed with SIGKILL in the middle and resumed with {@code --resume} ends where the
 * uninterrupted run of the same seed ends.
 *
 * <p>No tolerance: batch order, noise and jitter are functions of (seed, step) and the
 * checkpoint holds every parameter and optimizer moment bit for bit, so every logged loss and
 * the final accuracies must be identical. (This test used to allow 1 % after the first interval
 * past the checkpoint, blaming buffer alignment for the rare differences; the cause was
 * gradients that depended on garbage collection, see {@code io.latentbridge.nn.Scalars}. After
 * that fix, five kill-and-resume trials from steps 40, 60 and 80 matched the uninterrupted run
 * exactly.)
 */
class ResumeAfterKillTest {

    @TempDir
    Path tmp;

    private static final List<String> RUN = List.of("train", "--method", "cdlm", "--source",
            "mnist", "--target", "usps", "--steps", "160", "--threads", "1",
            "--set", "batch_size=32", "--set", "hidden=64", "--set", "latent=16",
            "--set", "checkpoint_every=20", "--set", "judge_steps=0", "--set", "log_every=10");

    private Process start(List<String> args, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), "-Dai.djl.offline=true"));
        for (String p : List.of("DJL_CACHE_DIR", "jna.tmpdir")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.add(Main.class.getName());
        command.addAll(args);
        command.addAll(List.of("--data-dir", CliTest.data().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    private int finish(Process p, Path log) throws Exception {
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return p.exitValue();
    }

    private static Map<Integer, Double> losses(Path run) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Double> out = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            if ("model".equals(n.path("phase").asText()) && n.has("step")) {
                out.put(n.get("step").asInt(), n.get("loss").asDouble());
            }
        }
        return out;
    }

    @Test
    void killedRunResumesToTheUninterruptedResult() throws Exception {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        List<String> a = new ArrayList<>(RUN);
        a.addAll(List.of("--out", whole.toString()));
        List<String> b = new ArrayList<>(RUN);
        b.addAll(List.of("--out", killed.toString()));

        Process uninterrupted = start(a, tmp.resolve("whole.log"));
        finish(uninterrupted, tmp.resolve("whole.log"));

        Process victim = start(b, tmp.resolve("killed.log"));
        Path mark = killed.resolve("checkpoints").resolve("step-000060");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.isDirectory(mark) && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        victim.destroyForcibly(); // SIGKILL on Linux
        victim.waitFor(60, TimeUnit.SECONDS);
        assertThat(Files.exists(killed.resolve("result.json")))
                .as("the kill must land before the run finishes").isFalse();
        assertThat(Files.isDirectory(mark)).isTrue();

        Process resumed = start(List.of("train", "--resume", killed.toString(), "--threads", "1"),
                tmp.resolve("resumed.log"));
        finish(resumed, tmp.resolve("resumed.log"));
        assertThat(Files.readString(tmp.resolve("resumed.log")))
                .contains("resumed from the checkpoint of step");

        Map<Integer, Double> expected = losses(whole);
        Map<Integer, Double> got = losses(killed);
        assertThat(got.keySet()).isEqualTo(expected.keySet());
        int resumedAt = Files.readString(tmp.resolve("resumed.log")).lines()
                .filter(l -> l.contains("resumed from the checkpoint of step"))
                .map(l -> Integer.parseInt(l.replaceAll(".*step (\\d+).*", "$1")))
                .findFirst().orElseThrow();
        assertThat(resumedAt).isGreaterThanOrEqualTo(60);
        for (Map.Entry<Integer, Double> e : expected.entrySet()) {
            assertThat(got.get(e.getKey())).as("loss at step %d", e.getKey())
                    .isEqualTo(e.getValue());
        }

        ObjectMapper json = new ObjectMapper();
        JsonNode r1 = json.readTree(whole.resolve("result.json").toFile());
        JsonNode r2 = json.readTree(killed.resolve("result.json").toFile());
        for (String k : List.of("target_accuracy", "source_accuracy")) {
            assertThat(r2.get(k).asDouble()).as(k).isEqualTo(r1.get(k).asDouble());
        }
        assertThat(r2.get("steps").asInt()).isEqualTo(160);
        // a finished run keeps its model, not its checkpoints
        assertThat(killed.resolve("checkpoints")).doesNotExist();
        assertThat(killed.resolve("model").resolve("cdlm-encoder.params")).isNotEmptyFile();
    }
}
