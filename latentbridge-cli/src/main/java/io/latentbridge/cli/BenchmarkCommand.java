package io.latentbridge.cli;

import io.latentbridge.run.Benchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentbridge benchmark}. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Run a grid of methods × tasks × seeds (resuming: finished runs are "
                + "skipped) and write DIR/table.md and DIR/table.csv.")
final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--methods", required = true, split = ",", paramLabel = "M1,M2",
            description = "Methods, e.g. source-only,ddc,dann,cdlm.")
    List<String> methods;

    @Option(names = "--tasks", required = true, split = ",", paramLabel = "S:T,...",
            description = "Tasks as source:target, e.g. mnist:usps,usps:mnist.")
    List<String> tasks;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N",
            description = "N seeds per run, from --first-seed on (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", paramLabel = "S",
            description = "The first seed: the grid runs seeds S..S+N-1 (default: ${DEFAULT-VALUE})."
                    + " A confirmation on fresh seeds starts past the seeds already looked at.")
    long firstSeed;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per run.")
    Integer steps;

    /** Applied to every run; a key must be valid for every method of the grid. */
    @Mixin
    ConfigOptions configuration;

    @Option(names = "--select", paramLabel = "PROTOCOL",
            description = "How each run's model is chosen: last (default), source-val, iwv, dev"
                    + " or snd (label-free; every protocol's score is recorded).")
    String select;

    @Option(names = "--analyse",
            description = "Also write every finished run's analysis.json (as eval --run does) and"
                    + " add proxy A-distance and latent KL columns to the tables.")
    boolean analyse;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Grid directory.")
    Path out;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        if (seeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + seeds);
        }
        if (firstSeed <= 0) {
            throw new IllegalArgumentException("--first-seed must be positive, got " + firstSeed);
        }
        if (steps != null && steps <= 0) {
            throw new IllegalArgumentException("--steps must be positive, got " + steps);
        }
        Benchmark.Grid grid = new Benchmark.Grid(methods, tasks,
                LongStream.range(firstSeed, firstSeed + seeds).boxed().toList(), configuration.file,
                withSelect(configuration.overrides, select), steps, out,
                engine.data(), analyse);
        boolean terminal = System.console() != null;
        Benchmark benchmark = new Benchmark(ConsoleProgress.perPhase(terminal));
        benchmark.validate(grid);
        var roots = engine.roots();
        var info = engine.start();
        benchmark.run(grid, roots, info);
        System.out.print(java.nio.file.Files.readString(out.resolve("table.md")));
        System.out.println("tables: " + out.resolve("table.md") + ", " + out.resolve("table.csv"));
        return 0;
    }

    static java.util.List<String> withSelect(java.util.List<String> overrides, String select) {
        java.util.List<String> all = new java.util.ArrayList<>(overrides);
        if (select != null) {
            all.add("select=" + select);
        }
        return all;
    }
}
