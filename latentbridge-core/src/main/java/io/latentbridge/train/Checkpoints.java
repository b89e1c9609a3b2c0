package io.latentbridge.train;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbridge.data.FileTrees;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Crash-safe checkpoints in one folder: {@code step-000500/} holds every group's parameters
 * and optimizer state and the loop's own state.
 *
 * <p>A checkpoint is written into a {@code .partial-…} folder, every file is forced to disk,
 * and the folder is then renamed, so a folder named {@code step-N} is always complete: a crash or
 * a full disk in the middle of writing leaves at most a partial folder, which is ignored and
 * cleaned up, and the previous checkpoint still loads. The newest {@code keep} are kept.
 *
 * <p>What a resumed run needs besides this is recomputed, not stored: batch order and image
 * jitter are functions of (seed, step), and the engine is reseeded from (seed, step) every step.
 */
public final class Checkpoints {

    private static final Pattern NAME = Pattern.compile("step-(\\d+)");
    private static final String STATE = "state.json";
    /** The weight average's state, when {@code ema_decay} is on. */
    private static final String AVERAGE = "weights.average";

    private final Path dir;
    private final int keep;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The loop's own state at a checkpoint.
     *
     * @param step the last completed step
     * @param intervalSums sums of the metric values since the last log line
     * @param inInterval steps since the last log line
     * @param elapsedSeconds training time before this checkpoint
     */
    public record LoopState(int step, Map<String, Double> intervalSums, int inInterval,
            double elapsedSeconds) {}

    /**
     * @param dir the checkpoint folder
     * @param keep how many of the newest checkpoints to keep (at least 1)
     */
    public Checkpoints(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        }
        this.dir = dir;
        this.keep = keep;
    }

    /** @return the checkpoint folder */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a checkpoint atomically, then removes the oldest beyond {@code keep}.
     *
     * @param state the loop's state
     * @param groups every parameter group of the model
     * @throws CheckpointException when it cannot be written (the earlier ones are untouched)
     */
    public void save(LoopState state, List<ParameterGroup> groups) {
        save(state, groups, null);
    }

    /**
     * Writes a checkpoint that also holds the weight average, when there is one.
     *
     * @param state the loop's state
     * @param groups every parameter group of the model
     * @param average the weight average, or null
     * @throws CheckpointException when it cannot be written (the earlier ones are untouched)
     */
    void save(LoopState state, List<ParameterGroup> groups, WeightAverage average) {
        String name = String.format("step-%06d", state.step());
        Path partial = dir.resolve(".partial-" + name);
        try {
            Files.createDirectories(dir);
            FileTrees.delete(partial);
            Files.createDirectories(partial);
            for (ParameterGroup g : groups) {
                g.save(partial);
                g.saveOptimizer(partial);
            }
            if (average != null) {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(partial.resolve(AVERAGE))))) {
                    average.write(out);
                }
            }
            Files.write(partial.resolve(STATE), json.writeValueAsBytes(state));
            try (Stream<Path> files = Files.list(partial)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    force(f);
                }
            }
            Path finalDir = dir.resolve(name);
            FileTrees.delete(finalDir);
            Files.move(partial, finalDir, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
        } catch (IOException | UncheckedIOException e) {
            try {
                FileTrees.delete(partial);
            } catch (IOException ignored) {
                // the partial folder is ignored by latest() and removed by the next save
            }
            String previous = steps().isEmpty() ? "no earlier checkpoint"
                    : "the checkpoint of step " + steps().get(steps().size() - 1) + " is intact";
            throw new CheckpointException("checkpoint of step " + state.step() + " could not be"
                    + " written to " + dir + " (" + reason(e) + "); " + previous, e);
        }
        prune();
    }

    /** @return the steps of the complete checkpoints, oldest first */
    public List<Integer> steps() {
        List<Integer> steps = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return steps;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p.resolve(STATE))) {
                    steps.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new CheckpointException(dir + ": cannot list checkpoints (" + reason(e) + ")", e);
        }
        steps.sort(Comparator.naturalOrder());
        return steps;
    }

    /**
     * Loads the newest complete checkpoint into the groups (parameters and optimizer state).
     *
     * @param groups the model's groups, with optimizers
     * @param manager owner of the loaded arrays
     * @return the loop state, or empty when there is no checkpoint
     */
    public Optional<LoopState> restoreLatest(List<ParameterGroup> groups, NDManager manager) {
        return restoreLatest(groups, manager, null);
    }

    /**
     * Loads the newest complete checkpoint, and the weight average it holds into {@code average}
     * (a checkpoint without one, written with averaging off, leaves it empty).
     *
     * @param groups the model's groups, with optimizers
     * @param manager owner of the loaded arrays
     * @param average the weight average to restore, or null
     * @return the loop state, or empty when there is no checkpoint
     */
    Optional<LoopState> restoreLatest(List<ParameterGroup> groups, NDManager manager,
            WeightAverage average) {
        List<Integer> steps = steps();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        Path chosen = dir.resolve(String.format("step-%06d", steps.get(steps.size() - 1)));
        try {
            LoopState state = json.readValue(Files.readAllBytes(chosen.resolve(STATE)), LoopState.class);
            for (ParameterGroup g : groups) {
                g.load(chosen, manager);
                g.loadOptimizer(chosen, manager);
            }
            if (average != null && Files.isRegularFile(chosen.resolve(AVERAGE))) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                        Files.newInputStream(chosen.resolve(AVERAGE))))) {
                    average.read(in, manager);
                }
            }
            return Optional.of(new LoopState(state.step(), new LinkedHashMap<>(state.intervalSums()),
                    state.inInterval(), state.elapsedSeconds()));
        } catch (IOException e) {
            throw new CheckpointException(chosen + ": cannot be loaded (" + reason(e) + ")", e);
        }
    }

    /**
     * Removes every checkpoint and the folder.
     *
     * @throws IOException when something cannot be deleted
     */
    public void clear() throws IOException {
        FileTrees.delete(dir);
    }

    private void prune() {
        List<Integer> steps = steps();
        for (int i = 0; i < steps.size() - keep; i++) {
            try {
                FileTrees.delete(dir.resolve(String.format("step-%06d", steps.get(i))));
            } catch (IOException e) {
                // an old checkpoint that cannot be removed costs disk space, not correctness
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Makes the rename durable; some file systems cannot open a directory, which is fine. */
    private static void forceDirectory(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        String m = t.getMessage();
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
