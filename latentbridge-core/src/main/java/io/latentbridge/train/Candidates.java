package io.latentbridge.train;

import ai.djl.ndarray.NDManager;
import io.latentbridge.data.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidate models a label-free selection protocol chooses among: the parameters at
 * {@code count} evenly spaced steps (the last step included), kept in {@code dir/step-N/}.
 */
public final class Candidates {

    private final Path dir;
    private final List<Integer> steps;

    /**
     * @param dir where candidates are kept
     * @param totalSteps the run's steps
     * @param count how many candidates (at least 1)
     */
    public Candidates(Path dir, int totalSteps, int count) {
        this.dir = dir;
        List<Integer> s = new ArrayList<>();
        int n = Math.max(1, Math.min(count, totalSteps));
        for (int k = 1; k <= n; k++) {
            int step = (int) Math.round((double) k * totalSteps / n);
            if (!s.contains(step)) {
                s.add(step);
            }
        }
        this.steps = List.copyOf(s);
    }

    /** @return the steps at which candidates are kept */
    public List<Integer> steps() {
        return steps;
    }

    /**
     * Keeps a candidate when one is due: the weight average's values when there is one (the
     * raw weights are swapped back afterwards), else the weights.
     */
    void saveIfDue(int step, List<ParameterGroup> groups, WeightAverage average) {
        if (!steps.contains(step)) {
            return;
        }
        if (average != null) {
            average.swap();
        }
        try {
            Path target = folder(step);
            FileTrees.delete(target);
            for (ParameterGroup g : groups) {
                g.save(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot keep the candidate of step " + step, e);
        } finally {
            if (average != null) {
                average.swap();
            }
        }
    }

    /**
     * Loads a kept candidate into the model's groups.
     *
     * @param step a candidate step
     * @param groups the model's groups
     * @param manager owner of the arrays
     * @throws IOException when it cannot be read
     */
    public void load(int step, List<ParameterGroup> groups, NDManager manager) throws IOException {
        for (ParameterGroup g : groups) {
            g.load(folder(step), manager);
        }
    }

    private Path folder(int step) {
        return dir.resolve(String.format("step-%06d", step));
    }

    /**
     * Removes the kept candidates.
     *
     * @throws IOException when they cannot be deleted
     */
    public void clear() throws IOException {
        FileTrees.delete(dir);
    }
}
