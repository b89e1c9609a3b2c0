package io.latentbridge.cli;

import io.latentbridge.run.BridgeRun;
import io.latentbridge.run.RunEvaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentbridge eval}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Reload a run's saved model, recompute its metrics and compare them with "
                + "result.json; write analysis.json (A-distance, MMD, latent KL, calibration).")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory.")
    Path run;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        var roots = engine.roots();
        var info = engine.start();
        if (BridgeRun.isBridgeRun(run)) {
            return bridge(roots, info);
        }
        RunEvaluation.Outcome o = new RunEvaluation().evaluate(run, roots, info.toDevice());
        System.out.printf("%-22s %10s %10s%n", "metric", "recorded", "recomputed");
        System.out.printf("%-22s %10.4f %10.4f%n", "target_accuracy",
                o.recorded().targetAccuracy(), o.recomputed().targetAccuracy());
        System.out.printf("%-22s %10.4f %10.4f%n", "source_accuracy",
                o.recorded().sourceAccuracy(), o.recomputed().sourceAccuracy());
        if (o.recorded().translationAccuracy() != null) {
            System.out.printf("%-22s %10.4f %10.4f%n", "translation_accuracy",
                    o.recorded().translationAccuracy(), o.recomputed().translationAccuracy());
        }
        var a = o.analysis();
        System.out.printf("proxy A-distance %.4f  feature MMD² %.4f  latent KL %.4f%s  target ECE %.4f%n",
                a.aDistance(), a.featureMmd(), a.latentKl(),
                a.latentKlModulated() == null ? ""
                        : String.format(" (modulated %.4f)", a.latentKlModulated()),
                a.targetCalibration().ece());
        System.out.println("analysis: " + run.resolve(RunEvaluation.ANALYSIS));
        if (o.collapseWarning() != null) {
            // the same warning training printed, so a run is not judged by its accuracy alone
            System.err.println("latentbridge: " + o.collapseWarning());
        }
        if (!o.mismatches().isEmpty()) {
            System.err.println("latentbridge: " + run + ": recomputed metrics differ from result.json: "
                    + o.mismatches());
            return 1;
        }
        System.out.println("all metrics match result.json");
        return 0;
    }

    private int bridge(io.latentbridge.data.DataRoots roots, io.latentbridge.train.EngineInfo info)
            throws Exception {
        BridgeRun.Result recorded = BridgeRun.recorded(run);
        BridgeRun.Result again = BridgeRun.evaluate(run, roots, info);
        double[][] rows = {
            {recorded.transferAccuracyAToB(), again.transferAccuracyAToB()},
            {recorded.transferAccuracyBToA(), again.transferAccuracyBToA()},
            {recorded.classifierAccuracyA(), again.classifierAccuracyA()},
            {recorded.classifierAccuracyB(), again.classifierAccuracyB()}};
        String[] names = {"transfer_accuracy_a_to_b", "transfer_accuracy_b_to_a",
            "classifier_accuracy_a", "classifier_accuracy_b"};
        System.out.printf("%-26s %10s %10s%n", "metric", "recorded", "recomputed");
        java.util.List<String> differ = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            System.out.printf("%-26s %10.4f %10.4f%n", names[i], rows[i][0], rows[i][1]);
            if (Math.abs(rows[i][0] - rows[i][1]) > 1e-3) {
                differ.add(names[i]);
            }
        }
        if (!differ.isEmpty()) {
            System.err.println("latentbridge: " + run + ": recomputed metrics differ from result.json: "
                    + differ);
            return 1;
        }
        System.out.println("all metrics match result.json");
        return 0;
    }
}
