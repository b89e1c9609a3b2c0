package io.latentbridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbridge.TestData;
import io.latentbridge.data.DataRoots;
import io.latentbridge.train.EngineRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void smallGridWritesTablesAndResumes() throws Exception {
        var engine = EngineRuntime.start(null, 0);
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        Benchmark.Grid grid = new Benchmark.Grid(List.of("source-only", "ddc"), List.of("mnist:usps"),
                List.of(1L, 2L), null, List.of("judge_steps=0", "batch_size=16", "log_every=3"), 6,
                tmp.resolve("grid"), io.latentbridge.data.Task.Options.DEFAULT);
        List<Benchmark.Row> rows = new Benchmark(p -> List.of()).run(grid, roots, engine);

        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.accuracies()).hasSize(2);
            assertThat(r.mean()).isBetween(0.0, 1.0);
            assertThat(r.selection()).isEqualTo("last");
            assertThat(r.steps()).isEqualTo(6);
        });
        String md = Files.readString(grid.out().resolve("table.md"));
        assertThat(md).contains("| source-only | mnist → usps |", "| ddc | mnist → usps |", "last");
        List<String> csv = Files.readAllLines(grid.out().resolve("table.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).startsWith("method,task,mean,std,n,values");
        // the oracle (best kept candidate by target labels) has its own column, never the mean's
        int oracle = List.of(csv.get(0).split(",")).indexOf("oracle_mean");
        assertThat(oracle).isPositive();
        assertThat(md).contains("oracle (best candidate by target labels)");
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            assertThat(Double.parseDouble(cells[oracle]))
                    .isGreaterThanOrEqualTo(Double.parseDouble(cells[2]) - 1e-12);
        }

        // a finished run is skipped; an unfinished one (no result.json) is run again
        Path done = grid.out().resolve("ddc/mnist-usps/s1/result.json");
        FileTime before = Files.getLastModifiedTime(done);
        Path unfinished = grid.out().resolve("source-only/mnist-usps/s2");
        Files.delete(unfinished.resolve("result.json"));
        new Benchmark(p -> List.of()).run(grid, roots, engine);
        assertThat(Files.getLastModifiedTime(done)).isEqualTo(before);
        assertThat(unfinished.resolve("result.json")).exists();
        // same seed, same numbers: the rerun run reproduces its accuracy exactly (wall time aside)
        assertThat(withoutWallTime(Files.readAllLines(grid.out().resolve("table.csv"))))
                .isEqualTo(withoutWallTime(csv));
    }

    @Test
    void aDivergedRunIsRecordedCountedAndSkippedAndTheGridGoesOn() throws Exception {
        var engine = EngineRuntime.start(null, 0);
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        // an absurd learning rate makes the loss infinite within a few steps
        Benchmark.Grid grid = new Benchmark.Grid(List.of("source-only", "dann"), List.of("mnist:usps"),
                List.of(1L), null, List.of("judge_steps=0", "batch_size=16", "lr=1e30"), 6,
                tmp.resolve("grid"), io.latentbridge.data.Task.Options.DEFAULT);
        List<String> events = new java.util.ArrayList<>();
        io.latentbridge.train.TrainingListener listener = new io.latentbridge.train.TrainingListener() {
            @Override
            public void onEvent(String event) {
                events.add(event);
            }
        };
        List<Benchmark.Row> rows = new Benchmark(p -> List.of(listener)).run(grid, roots, engine);

        // both cells ran (the first divergence did not stop the grid) and both are counted
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.accuracies()).isEmpty();
            assertThat(r.divergedAt()).hasSize(1);
        });
        Path diverged = grid.out().resolve("dann/mnist-usps/s1").resolve(Benchmark.DIVERGED);
        assertThat(Files.readString(diverged)).contains("\"step\"", "not finite");
        assertThat(events).anyMatch(e -> e.contains("diverged") && e.contains("the grid goes on"));
        String md = Files.readString(grid.out().resolve("table.md"));
        assertThat(md).contains("diverged at step ");
        List<String> csv = Files.readAllLines(grid.out().resolve("table.csv"));
        assertThat(csv.get(0)).endsWith(",diverged");
        assertThat(csv.get(1)).endsWith(",1");

        // a rerun skips the diverged cell instead of diverging again
        FileTime before = Files.getLastModifiedTime(diverged);
        new Benchmark(p -> List.of()).run(grid, roots, engine);
        assertThat(Files.getLastModifiedTime(diverged)).isEqualTo(before);
    }

    @Test
    void aGridKilledMidRunResumesAndGivesTheSameTable() throws Exception {
        var engine = EngineRuntime.start(null, 0);
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        List<String> settings = List.of("judge_steps=0", "batch_size=16", "log_every=2",
                "checkpoint_every=2", "select_candidates=2");
        Benchmark.Grid whole = new Benchmark.Grid(List.of("dann"), List.of("mnist:usps"),
                List.of(2L), null, settings, 8, tmp.resolve("whole"),
                io.latentbridge.data.Task.Options.DEFAULT);
        new Benchmark(p -> List.of()).run(whole, roots, engine);

        Benchmark.Grid grid = new Benchmark.Grid(whole.methods(), whole.tasks(), whole.seeds(),
                null, settings, 8, tmp.resolve("killed"), whole.data());
        // the "kill": the run dies at step 5, after its checkpoint of step 4
        int[] starts = {0};
        io.latentbridge.train.TrainingListener killer = new io.latentbridge.train.TrainingListener() {
            @Override
            public void onStart(int steps, String what) {
                starts[0]++;
            }

            @Override
            public void onStep(int step) {
                if (starts[0] == 1 && step == 5) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> new Benchmark(p -> List.of(killer)).run(grid, roots, engine))
                .hasMessage("killed");
        Path victim = grid.out().resolve("dann/mnist-usps/s2");
        assertThat(victim.resolve("result.json")).doesNotExist();
        assertThat(victim.resolve("checkpoints/step-000004")).isDirectory();

        new Benchmark(p -> List.of()).run(grid, roots, engine);
        assertThat(Files.readString(victim.resolve("metrics.jsonl")))
                .contains("resumed from the checkpoint of step 4");
        assertThat(withoutWallTime(Files.readAllLines(grid.out().resolve("table.csv"))))
                .isEqualTo(withoutWallTime(Files.readAllLines(whole.out().resolve("table.csv"))));
    }

    @Test
    void aLabelFreeProtocolChoosesAmongCandidatesAndTheTableComparesProtocols() throws Exception {
        var engine = EngineRuntime.start(null, 0);
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        Benchmark.Grid grid = new Benchmark.Grid(List.of("source-only"), List.of("mnist:usps"),
                List.of(1L), null, List.of("judge_steps=0", "batch_size=16", "log_every=3",
                        "select=dev", "select_candidates=3", "source_validation=200"), 6,
                tmp.resolve("select"), io.latentbridge.data.Task.Options.DEFAULT);
        new Benchmark(p -> List.of()).run(grid, roots, engine);

        RunResult r = Json.json().readValue(grid.out()
                .resolve("source-only/mnist-usps/s1/result.json").toFile(), RunResult.class);
        assertThat(r.selection()).isEqualTo("dev");
        assertThat(r.candidates()).extracting(RunResult.Candidate::step).containsExactly(2, 4, 6);
        assertThat(r.candidates()).allSatisfy(c -> assertThat(c.scores().keySet())
                .containsExactly("source-val", "iwv", "dev", "snd"));
        // the chosen step is the one with the highest DEV score (ties to the later one)
        RunResult.Candidate best = null;
        for (RunResult.Candidate c : r.candidates()) {
            if (best == null || c.scores().get("dev") >= best.scores().get("dev")) {
                best = c;
            }
        }
        assertThat(r.selectedStep()).isEqualTo(best.step());
        assertThat(r.targetAccuracy()).isEqualTo(best.targetAccuracy());
        assertThat(grid.out().resolve("source-only/mnist-usps/s1/candidates")).doesNotExist();
        assertThat(Files.readString(grid.out().resolve("table.md")))
                .contains("### Label-free selection against the oracle (1 runs)", "| dev |");
    }

    private static List<String> withoutWallTime(List<String> csv) {
        // column 8 is the wall time per run
        return csv.stream().map(l -> {
            java.util.List<String> cells = new java.util.ArrayList<>(
                    java.util.Arrays.asList(l.split(",", -1)));
            cells.remove(8);
            return String.join(",", cells);
        }).toList();
    }

    @Test
    void badGridIsRejectedBeforeAnyRun() {
        Benchmark.Grid grid = new Benchmark.Grid(List.of("source-only", "nope"), List.of("mnist:usps"),
                List.of(1L), null, List.of(), 5, tmp.resolve("g"), io.latentbridge.data.Task.Options.DEFAULT);
        assertThatThrownBy(() -> new Benchmark(p -> List.of()).validate(grid))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown method 'nope'");
        assertThat(tmp.resolve("g")).doesNotExist();
    }
}
