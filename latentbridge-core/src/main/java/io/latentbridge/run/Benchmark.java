package io.latentbridge.run;

import io.latentbridge.data.DataRoots;
import io.latentbridge.data.FileTrees;
import io.latentbridge.method.MethodRegistry;
import io.latentbridge.train.DivergenceException;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A grid of runs, one run directory per (method, task, seed) under
 * {@code OUT/<method>/<source>-<target>/s<seed>}, and the tables that summarise it. A run whose
 * directory already holds {@code result.json} is skipped, so an interrupted grid resumes; an
 * unfinished directory is cleared and run again. A run that diverges (a NaN or an infinity)
 * records {@code diverged.json} and the grid goes on: the tables count it, and a rerun of the
 * grid skips it (delete its directory to try again).
 */
public final class Benchmark {

    /** The file a diverged run leaves in its directory. */
    public static final String DIVERGED = "diverged.json";

    /**
     * A grid.
     *
     * @param methods method names
     * @param tasks {@code source:target} pairs
     * @param seeds the seeds (1…n by default; the CLI's --first-seed moves the start)
     * @param config a config file applied to every run, or null
     * @param overrides {@code key=value} applied to every run
     * @param steps steps per run, or null for the config's
     * @param out the grid directory
     * @param data image size and channels for every run
     */
    public record Grid(List<String> methods, List<String> tasks, List<Long> seeds, Path config,
            List<String> overrides, Integer steps, Path out, io.latentbridge.data.Task.Options data,
            boolean analyse) {

        /** A grid that does not analyse its runs. */
        public Grid(List<String> methods, List<String> tasks, List<Long> seeds, Path config,
                List<String> overrides, Integer steps, Path out,
                io.latentbridge.data.Task.Options data) {
            this(methods, tasks, seeds, config, overrides, steps, out, data, false);
        }

        /** @return every run of the grid, task by task, method by method, seed by seed */
        public List<Cell> cells() {
            List<Cell> cells = new ArrayList<>();
            for (String t : tasks) {
                for (String m : methods) {
                    for (long seed : seeds) {
                        cells.add(new Cell(m, t, seed));
                    }
                }
            }
            return cells;
        }
    }

    /**
     * One run of a grid.
     *
     * @param method the method
     * @param task {@code SOURCE:TARGET}
     * @param seed the seed
     */
    public record Cell(String method, String task, long seed) {}

    /**
     * One row of the table: a method on a task over its seeds. The statistics are over the
     * seeds that finished; {@code divergedAt} holds the step at which each other seed diverged.
     */
    public record Row(String method, String task, List<Double> accuracies, double mean, double std,
            String selection, int steps, double meanWallSeconds, List<Double> oracle,
            List<Double> aDistance, List<Double> latentKl, List<Double> latentKlModulated,
            List<Integer> divergedAt) {

        /** @return the mean of the oracle values, or NaN when the runs kept no candidates */
        public double oracleMean() {
            return mean(oracle);
        }

        /**
         * @param values per-seed values
         * @return their mean, NaN when there are none
         */
        public static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    private final Function<String, List<io.latentbridge.train.TrainingListener>> progress;

    /** @param progress progress listeners for a phase of a run */
    public Benchmark(Function<String, List<io.latentbridge.train.TrainingListener>> progress) {
        this.progress = progress;
    }

    /**
     * Validates the whole grid's configuration before anything runs.
     *
     * @param grid the grid
     */
    public void validate(Grid grid) {
        MethodRegistry registry = new MethodRegistry();
        for (String m : grid.methods()) {
            Method<?> method = registry.find(m).orElseThrow(() -> new ConfigException(
                    "--methods: unknown method '" + m + "' (known: " + registry.names() + ")"));
            new ConfigResolver().resolve(method, grid.config(), grid.overrides());
        }
        for (String t : grid.tasks()) {
            if (t.split(":").length != 2 && !t.startsWith("folder:")) {
                throw new ConfigException("--tasks: '" + t + "' is not SOURCE:TARGET");
            }
        }
    }

    /**
     * Runs every missing run of the grid, then writes the tables.
     *
     * @param grid the grid
     * @param roots where data is
     * @param engine the engine
     * @return the table rows
     * @throws IOException when a directory cannot be written
     */
    public List<Row> run(Grid grid, DataRoots roots, EngineInfo engine) throws IOException {
        validate(grid);
        for (Cell c : grid.cells()) {
            Path dir = runDir(grid, c);
            if (Files.isRegularFile(dir.resolve(TrainingRun.RESULT))
                    || Files.isRegularFile(dir.resolve(DIVERGED))) {
                continue;
            }
            try {
                runCell(grid, c, dir, roots, engine);
            } catch (DivergenceException e) {
                Json.json().writeValue(dir.resolve(DIVERGED).toFile(),
                        Map.of("term", e.term(), "step", e.step(), "message", e.getMessage()));
                String event = dir + ": " + e.getMessage() + "; recorded in " + DIVERGED
                        + ", the grid goes on";
                progress.apply("benchmark").forEach(l -> l.onEvent(event));
            }
        }
        if (grid.analyse()) {
            analyse(grid, roots, engine);
        }
        Map<Cell, RunResult> results = results(grid);
        List<Row> rows = table(grid, results);
        writeTables(rows, SelectionComparison.of(List.copyOf(results.values())), grid.out());
        return rows;
    }

    /** Runs one cell, or continues its interrupted run of the same configuration. */
    private void runCell(Grid grid, Cell c, Path dir, DataRoots roots, EngineInfo engine)
            throws IOException {
        Method<?> method = new MethodRegistry().find(c.method()).orElseThrow();
        ConfigResolver.Resolved r = new ConfigResolver().resolve(method, grid.config(),
                grid.overrides());
        var train = r.train().withSeed(c.seed());
        if (grid.steps() != null) {
            train = train.withSteps(grid.steps());
        }
        if (sameRun(dir, train, r.method())) {
            // an interrupted run of this very configuration: continue it
            new TrainingRun(progress).resume(dir, roots, engine);
            return;
        }
        FileTrees.delete(dir);
        String[] st = splitTask(c.task());
        new TrainingRun(progress).run(new TrainingRun.Request(method,
                new ConfigResolver.Resolved(train, r.method()), st[0], st[1], dir,
                roots, engine, null, grid.data()));
    }

    /**
     * Writes {@code analysis.json} (domain distances, latent KL, calibration, t-SNE) for every
     * finished run of the grid that has none.
     */
    private void analyse(Grid grid, DataRoots roots, EngineInfo engine) throws IOException {
        for (Cell c : grid.cells()) {
            Path dir = runDir(grid, c);
            if (!Files.isRegularFile(dir.resolve(TrainingRun.RESULT))
                    || Files.isRegularFile(dir.resolve(RunEvaluation.ANALYSIS))) {
                continue;
            }
            RunEvaluation.Outcome o = new RunEvaluation().evaluate(dir, roots, engine.toDevice());
            if (!o.mismatches().isEmpty()) {
                throw new IllegalStateException(dir + ": re-evaluation differs from "
                        + TrainingRun.RESULT + ": " + o.mismatches());
            }
        }
    }

    /** Every finished run of the grid, in grid order. */
    private static Map<Cell, RunResult> results(Grid grid) throws IOException {
        Map<Cell, RunResult> out = new LinkedHashMap<>();
        for (Cell c : grid.cells()) {
            Path f = runDir(grid, c).resolve(TrainingRun.RESULT);
            if (Files.isRegularFile(f)) {
                out.put(c, Json.json().readValue(f.toFile(), RunResult.class));
            }
        }
        return out;
    }

    /** Whether {@code dir} holds an unfinished run with exactly these settings. */
    private static boolean sameRun(Path dir, io.latentbridge.train.TrainConfig train,
            Record methodConfig) {
        Path config = dir.resolve(TrainingRun.CONFIG);
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try {
            var json = Json.json();
            var recorded = json.readTree(config.toFile());
            // through text, so numbers get the node types reading a file gives them
            return recorded.path("train").equals(json.readTree(json.writeValueAsString(train)))
                    && recorded.path("method_config").equals(
                            json.readTree(json.writeValueAsString(methodConfig)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Summarises the finished runs of a grid.
     *
     * @param grid the grid
     * @return one row per (method, task)
     * @throws IOException when a result cannot be read
     */
    public static List<Row> table(Grid grid) throws IOException {
        return table(grid, results(grid));
    }

    private static List<Row> table(Grid grid, Map<Cell, RunResult> results) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String t : grid.tasks()) {
            for (String m : grid.methods()) {
                List<Double> acc = new ArrayList<>();
                List<Double> oracle = new ArrayList<>();
                List<Double> aDistance = new ArrayList<>();
                List<Double> latentKl = new ArrayList<>();
                List<Double> latentKlModulated = new ArrayList<>();
                List<Integer> divergedAt = new ArrayList<>();
                double wall = 0;
                String selection = "last";
                int steps = 0;
                for (long seed : grid.seeds()) {
                    Cell cell = new Cell(m, t, seed);
                    RunResult r = results.get(cell);
                    Path diverged = runDir(grid, cell).resolve(DIVERGED);
                    if (r == null && Files.isRegularFile(diverged)) {
                        divergedAt.add(Json.json().readTree(diverged.toFile()).path("step").asInt());
                    }
                    if (r == null) {
                        continue;
                    }
                    acc.add(r.targetAccuracy());
                    if (r.candidates() != null && !r.candidates().isEmpty()) {
                        oracle.add(r.candidates().stream()
                                .mapToDouble(RunResult.Candidate::targetAccuracy).max().orElseThrow());
                    }
                    Path analysis = runDir(grid, cell).resolve(RunEvaluation.ANALYSIS);
                    if (Files.isRegularFile(analysis)) {
                        var a = Json.json().readTree(analysis.toFile());
                        aDistance.add(a.path("a_distance").asDouble());
                        latentKl.add(a.path("latent_kl").asDouble());
                        if (a.hasNonNull("latent_kl_modulated")) {
                            latentKlModulated.add(a.path("latent_kl_modulated").asDouble());
                        }
                    }
                    wall += r.wallSeconds();
                    selection = r.selection();
                    steps = r.steps();
                }
                double mean = acc.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double ss = acc.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
                double std = acc.size() > 1 ? Math.sqrt(ss / (acc.size() - 1)) : 0;
                rows.add(new Row(m, t, acc, mean, std, selection, steps,
                        acc.isEmpty() ? 0 : wall / acc.size(),
                        oracle.size() == acc.size() ? List.copyOf(oracle) : List.of(),
                        List.copyOf(aDistance), List.copyOf(latentKl),
                        List.copyOf(latentKlModulated), List.copyOf(divergedAt)));
            }
        }
        return rows;
    }

    /**
     * Writes {@code table.md} and {@code table.csv}.
     *
     * @param rows the rows
     * @param selection the comparison of selection protocols (empty when no run was selected)
     * @param out the grid directory
     * @throws IOException when they cannot be written
     */
    public static void writeTables(List<Row> rows, SelectionComparison selection, Path out)
            throws IOException {
        Files.createDirectories(out);
        boolean analysed = rows.stream().anyMatch(r -> !r.aDistance().isEmpty());
        StringBuilder md = new StringBuilder();
        md.append("| method | task | target accuracy (mean ± std) | seeds | selection | steps | wall s/run"
                + " | oracle (best candidate by target labels) |"
                + (analysed ? " proxy A-distance | latent KL |" : "") + "\n");
        md.append("|---|---|---|---|---|---|---|---|" + (analysed ? "---|---|" : "") + "\n");
        StringBuilder csv = new StringBuilder("method,task,mean,std,n,values,selection,steps,"
                + "wall_seconds_per_run,oracle_mean,a_distance_mean,latent_kl_mean,"
                + "latent_kl_modulated_mean,diverged\n");
        for (Row r : rows) {
            List<String> formatted = r.accuracies().stream()
                    .map(a -> String.format(Locale.ROOT, "%.4f", a)).toList();
            String values = String.join(" ", formatted);
            List<String> shown = new ArrayList<>(formatted);
            r.divergedAt().forEach(step -> shown.add("diverged at step " + step));
            String accuracy = r.accuracies().isEmpty() ? "–"
                    : String.format(Locale.ROOT, "%.4f ± %.4f", r.mean(), r.std());
            if (!r.divergedAt().isEmpty()) {
                accuracy += String.format(Locale.ROOT, " (%d of %d seeds; %d diverged)",
                        r.accuracies().size(), r.accuracies().size() + r.divergedAt().size(),
                        r.divergedAt().size());
            }
            String oracle = Double.isNaN(r.oracleMean()) ? "–"
                    : String.format(Locale.ROOT, "%.4f", r.oracleMean());
            String distances = "";
            if (analysed) {
                String kl = r.latentKl().isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f",
                        Row.mean(r.latentKl()));
                if (!r.latentKlModulated().isEmpty()) {
                    kl += String.format(Locale.ROOT, " → %.2f modulated",
                            Row.mean(r.latentKlModulated()));
                }
                distances = String.format(Locale.ROOT, " %s | %s |", r.aDistance().isEmpty() ? "–"
                        : String.format(Locale.ROOT, "%.3f", Row.mean(r.aDistance())), kl);
            }
            boolean none = r.accuracies().isEmpty();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%s%n",
                    r.method(), r.task().replace(":", " → "), accuracy, String.join(", ", shown),
                    none ? "–" : r.selection(), none ? "–" : String.valueOf(r.steps()),
                    none ? "–" : String.format(Locale.ROOT, "%.0f", r.meanWallSeconds()), oracle,
                    distances));
            csv.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%d,%s,%s,%d,%.1f,%s,%s,%s,%s,%d%n",
                    r.method(), r.task(), r.mean(), r.std(), r.accuracies().size(), values,
                    r.selection(), r.steps(), r.meanWallSeconds(), csvMean(r.oracle()),
                    csvMean(r.aDistance()), csvMean(r.latentKl()), csvMean(r.latentKlModulated()),
                    r.divergedAt().size()));
        }
        md.append("\nTarget accuracy on the target test split of the model the `selection` protocol"
                + " chose (`last`: the final step; the others choose without target labels among"
                + " evenly spaced candidates). No target label trains a model or chooses a"
                + " checkpoint. The oracle column is the best candidate by target test accuracy,"
                + " averaged over seeds: what a paper that picks its checkpoint on the test labels"
                + " would report. It is never the honest number.\n");
        if (analysed) {
            md.append("\nProxy A-distance (2(1 − 2ε) of a linear domain classifier on held-out"
                    + " features) and latent KL (moment-matched Gaussians of the two domains'"
                    + " features; for CDLM its plain means μ, then its transfer means) are means"
                    + " over the seeds whose `analysis.json` exists (`benchmark --analyse` or"
                    + " `eval --run`).\n");
        }
        if (selection.runs() > 0) {
            md.append("\n### Label-free selection against the oracle (").append(selection.runs())
                    .append(" runs)\n\n").append(selection.markdown())
                    .append("\nEach protocol's choice replayed from the scores every run recorded"
                            + " for every candidate; its target accuracy is read only here, to"
                            + " compare the protocols.\n");
        }
        Files.writeString(out.resolve("table.md"), md);
        Files.writeString(out.resolve("table.csv"), csv);
    }

    private static String csvMean(List<Double> values) {
        return values.isEmpty() ? "" : String.format(Locale.ROOT, "%.6f", Row.mean(values));
    }

    static Path runDir(Grid grid, Cell cell) {
        return grid.out().resolve(cell.method())
                .resolve(cell.task().replaceAll("[^A-Za-z0-9_.-]+", "-"))
                .resolve("s" + cell.seed());
    }

    private static String[] splitTask(String task) {
        int colon = task.indexOf(':');
        return new String[] {task.substring(0, colon), task.substring(colon + 1)};
    }

}
