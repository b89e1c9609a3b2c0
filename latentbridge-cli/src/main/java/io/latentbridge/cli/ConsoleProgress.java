package io.latentbridge.cli;

import io.latentbridge.train.StepLog;
import io.latentbridge.train.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress on the console: a progress bar with ETA and the current losses on a
 * terminal, plain periodic lines otherwise (CI logs, pipes).
 */
final class ConsoleProgress implements TrainingListener {

    private final boolean terminal;
    private ProgressBar bar;
    private String label;

    /**
     * @param terminal whether standard output is an interactive terminal
     * @param phase what the listener reports on, until a training loop names what it trains
     */
    ConsoleProgress(boolean terminal, String phase) {
        this.terminal = terminal;
        this.label = phase;
    }

    /**
     * @param terminal whether standard output is an interactive terminal
     * @return a fresh console listener for each phase of a run, named after it
     */
    static Function<String, List<TrainingListener>> perPhase(boolean terminal) {
        return phase -> List.of(new ConsoleProgress(terminal, phase));
    }

    @Override
    public void onStart(int totalSteps, String what) {
        this.label = what;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(what).setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .continuousUpdate().build();
        }
    }

    @Override
    public void onStep(int step) {
        if (bar != null) {
            bar.stepTo(step);
        }
    }

    @Override
    public void onLog(StepLog log) {
        String values = format(log.values());
        if (bar != null) {
            bar.setExtraMessage(values);
        } else {
            double eta = log.elapsedSeconds() / log.step() * (log.totalSteps() - log.step());
            System.out.printf("[%s] step %d/%d  %s  %.0f img/s  eta %s%n", label, log.step(),
                    log.totalSteps(), values, log.imagesPerSecond(), duration(eta));
        }
    }

    @Override
    public void onEvent(String event) {
        System.err.println("[" + label + "] " + event);
    }

    @Override
    public void onEnd() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String format(Map<String, Double> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.format("%.4f", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
