package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.latentbridge.nn.Networks;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints are atomic, pruned, restorable, and a full disk leaves the previous one usable. */
class CheckpointsTest {

    @TempDir
    Path tmp;

    /** A one-layer model with an optimizer that has taken one step. */
    private static ParameterGroup group(NDManager m, float fill) {
        Block net = Networks.linear(200);
        net.initialize(m, DataType.FLOAT32, new Shape(1, 300));
        ParameterGroup g = new ParameterGroup("g", Map.of("net", net));
        g.setOptimizer(ResumableOptimizer.adam((id, t) -> 0.1f));
        for (var p : g.parameters()) {
            p.getValue().getArray().muli(0).addi(fill);
        }
        return g;
    }

    private static float first(ParameterGroup g) {
        return g.parameters().get(0).getValue().getArray().toFloatArray()[0];
    }

    @Test
    void keepsTheNewestAndRestoresTheLatest() {
        try (NDManager m = NDManager.newBaseManager()) {
            Checkpoints c = new Checkpoints(tmp.resolve("ck"), 2);
            for (int step : new int[] {10, 20, 30}) {
                c.save(new Checkpoints.LoopState(step, Map.of("loss", 1.0 * step), 3, step / 10.0),
                        List.of(group(m, step)));
            }
            assertThat(c.steps()).containsExactly(20, 30);
            ParameterGroup fresh = group(m, 0);
            Checkpoints.LoopState s = c.restoreLatest(List.of(fresh), m).orElseThrow();
            assertThat(s.step()).isEqualTo(30);
            assertThat(s.intervalSums()).containsEntry("loss", 30.0);
            assertThat(first(fresh)).isEqualTo(30f);
        }
    }

    @Test
    void aPartialFolderLeftByACrashIsIgnored() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Checkpoints c = new Checkpoints(tmp.resolve("ck"), 2);
            c.save(new Checkpoints.LoopState(10, Map.of(), 0, 1), List.of(group(m, 10)));
            Path partial = tmp.resolve("ck/.partial-step-000020");
            Files.createDirectories(partial);
            Files.write(partial.resolve("g-net.params"), new byte[] {1, 2, 3});
            // a folder with the final name but no state file is not complete either
            Files.createDirectories(tmp.resolve("ck/step-000030"));
            assertThat(c.steps()).containsExactly(10);
            ParameterGroup fresh = group(m, 0);
            assertThat(c.restoreLatest(List.of(fresh), m).orElseThrow().step()).isEqualTo(10);
            assertThat(first(fresh)).isEqualTo(10f);
        }
    }

    @Test
    void aDiskThatFillsDuringACheckpointLeavesThePreviousOneLoadable() throws Exception {
        // an in-memory file system of 1 MiB: a checkpoint of this model is ~240 kB, so the
        // fifth or so runs out of space part-way through its parameter file
        Configuration small = Configuration.unix().toBuilder()
                .setMaxSize(1L << 20).setBlockSize(8192).build();
        try (FileSystem fs = Jimfs.newFileSystem(small); NDManager m = NDManager.newBaseManager()) {
            Checkpoints c = new Checkpoints(fs.getPath("/run/ck"), 10);
            Throwable failure = null;
            int saved = 0;
            for (int step = 1; step <= 10 && failure == null; step++) {
                try {
                    c.save(new Checkpoints.LoopState(step, Map.of(), 0, 0), List.of(group(m, step)));
                    saved = step;
                } catch (CheckpointException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("the small disk must fill").isNotNull();
            assertThat(failure.getMessage()).contains("could not be written")
                    .contains("checkpoint of step " + saved + " is intact").doesNotContain("\n");
            assertThat(c.steps()).last().isEqualTo(saved);
            try (var files = Files.list(fs.getPath("/run/ck"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith(".partial"));
            }
            ParameterGroup fresh = group(m, 0);
            assertThat(c.restoreLatest(List.of(fresh), m).orElseThrow().step()).isEqualTo(saved);
            assertThat(first(fresh)).isEqualTo((float) saved);
        }
    }

    @Test
    void anUnwritableFolderIsAOneLineError() throws Exception {
        Path file = tmp.resolve("not-a-folder");
        Files.write(file, new byte[] {0});
        try (NDManager m = NDManager.newBaseManager()) {
            Checkpoints c = new Checkpoints(file.resolve("ck"), 2);
            assertThatThrownBy(() -> c.save(new Checkpoints.LoopState(1, Map.of(), 0, 0),
                    List.of(group(m, 1))))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("could not be written")
                    .hasMessageContaining("no earlier checkpoint");
        }
    }
}
