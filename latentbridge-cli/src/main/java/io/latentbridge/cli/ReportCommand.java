package io.latentbridge.cli;

import io.latentbridge.report.BenchmarkReport;
import io.latentbridge.report.RunReport;
import io.latentbridge.run.ConfigException;
import io.latentbridge.run.RunEvaluation;
import io.latentbridge.run.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentbridge report}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report (report.html) of a run or a benchmark "
                + "grid: loss curves, accuracy over training, domain classifier, t-SNE, "
                + "confusion matrix, reliability diagram, translations, config and provenance.")
final class ReportCommand implements Callable<Integer> {

    static final class Target {
        @Option(names = "--run", paramLabel = "DIR", description = "A finished run directory "
                + "(runs `eval --run DIR` first when it has no analysis.json).")
        Path run;
        @Option(names = "--benchmark", paramLabel = "DIR", description = "A benchmark directory.")
        Path benchmark;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        Path out;
        if (target.run != null) {
            Path dir = target.run;
            if (!Files.isRegularFile(dir.resolve(TrainingRun.RESULT))) {
                throw new ConfigException(dir + ": not a finished run (no " + TrainingRun.RESULT + ")");
            }
            if (io.latentbridge.run.BridgeRun.isBridgeRun(dir)) {
                out = new io.latentbridge.report.BridgeReport().write(dir);
                System.out.println("report: " + out.toAbsolutePath().normalize());
                return 0;
            }
            if (!Files.isRegularFile(dir.resolve(RunEvaluation.ANALYSIS))) {
                System.err.println("latentbridge: computing " + RunEvaluation.ANALYSIS + " first");
                var roots = engine.roots();
                var info = engine.start();
                new RunEvaluation().evaluate(dir, roots, info.toDevice());
            }
            out = new RunReport().write(dir);
        } else {
            Path dir = target.benchmark;
            if (!Files.isRegularFile(dir.resolve("table.csv"))) {
                throw new ConfigException(dir + ": not a benchmark directory (no table.csv)");
            }
            out = new BenchmarkReport().write(dir);
        }
        System.out.println("report: " + out.toAbsolutePath().normalize());
        return 0;
    }
}
