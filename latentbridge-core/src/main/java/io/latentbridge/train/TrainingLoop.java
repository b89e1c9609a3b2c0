package io.latentbridge.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.latentbridge.data.Augmentation;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.UnlabelledImages;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one training loop: seeded initialisation, an optimizer per parameter group, paired
 * batches, the method's step, divergence checks, averaged metrics and listeners.
 *
 * <p>Each step runs in its own child {@link NDManager}, closed at the end of the step, so no
 * intermediate array outlives it.
 */
public final class TrainingLoop {

    private final TrainConfig config;
    private final List<TrainingListener> listeners;
    private final Checkpoints checkpoints;
    private final Candidates candidates;

    /** How often {@code on_divergence: retry} halves the learning rate before giving up. */
    public static final int RETRIES = 3;

    /** Summary of a finished training. */
    public record Summary(int steps, double wallSeconds, double imagesPerSecond) {}

    /**
     * @param config the shared settings
     * @param listeners who hears about progress
     */
    public TrainingLoop(TrainConfig config, List<TrainingListener> listeners) {
        this(config, listeners, null);
    }

    /**
     * A loop that writes checkpoints every {@code checkpoint_every} steps and, when the folder
     * already holds one, continues from the newest.
     *
     * @param config the shared settings
     * @param listeners who hears about progress
     * @param checkpoints the checkpoint folder, or null for none
     */
    public TrainingLoop(TrainConfig config, List<TrainingListener> listeners,
            Checkpoints checkpoints) {
        this(config, listeners, checkpoints, null);
    }

    /**
     * A loop with checkpoints that also keeps candidate models for a selection protocol.
     *
     * @param config the shared settings
     * @param listeners who hears about progress
     * @param checkpoints the checkpoint folder, or null for none
     * @param candidates where candidates are kept, or null for none
     */
    public TrainingLoop(TrainConfig config, List<TrainingListener> listeners,
            Checkpoints checkpoints, Candidates candidates) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.checkpoints = checkpoints;
        this.candidates = candidates;
    }

    /**
     * Seeds the engine and initialises the model's parameters, then gives every group an Adam
     * optimizer with the configured schedule.
     *
     * @param model the model
     * @param manager the manager that will own the parameters
     */
    public void initialize(Trainable model, NDManager manager) {
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        model.initialize(manager);
        setOptimizers(model, config.lr());
    }

    private void setOptimizers(Trainable model, double lr) {
        Schedule factor = config.lrFactor();
        int steps = config.steps();
        for (ParameterGroup group : model.groups()) {
            ai.djl.training.tracker.ParameterTracker rate = (id, update) ->
                    (float) (lr * factor.value(Math.min(1.0, (double) update / steps)));
            group.setOptimizer("sgd".equals(config.optimizer())
                    ? ResumableOptimizer.sgd(rate, 0.9f)
                    : ResumableOptimizer.adam(rate));
        }
    }

    /**
     * Trains an initialised transfer model on source and target images, jittered as configured.
     *
     * @param model the model
     * @param source the labelled source training set
     * @param target the unlabelled target training set
     * @param manager the manager that owns the parameters
     * @param label what is trained, for progress output
     * @return the summary
     */
    public Summary train(Trainable model, LabelledImages source, UnlabelledImages target,
            NDManager manager, String label) {
        return train(model, () -> new ImageBatches(source, target, config.batchSize(),
                config.seed(), config.augmentation(), model.wantsCleanTarget()), manager, label);
    }

    /**
     * Trains an initialised model on any batches. With {@code on_divergence: retry}, a NaN or
     * infinity sends the run back to the newest checkpoint (or the start) with half the learning
     * rate, at most {@link #RETRIES} times; each retry is an event for the listeners.
     *
     * @param model the model
     * @param batches makes a fresh batch stream (each attempt starts one from the seed)
     * @param manager the manager that owns the parameters
     * @param label what is trained, for progress output
     * @return the summary
     */
    public Summary train(Trainable model, java.util.function.Supplier<BatchSource> batches,
            NDManager manager, String label) {
        double lr = config.lr();
        for (int attempt = 0;; attempt++) {
            try {
                return trainOnce(model, batches.get(), manager, label);
            } catch (DivergenceException e) {
                if (!"retry".equals(config.onDivergence()) || attempt >= RETRIES) {
                    throw e;
                }
                lr /= 2;
                boolean fromCheckpoint = checkpoints != null && !checkpoints.steps().isEmpty();
                if (!fromCheckpoint) {
                    initialize(model, manager);
                }
                setOptimizers(model, lr);
                String event = "retrying " + (fromCheckpoint ? "from the checkpoint of step "
                        + checkpoints.steps().get(checkpoints.steps().size() - 1)
                        : "from the start") + " with lr " + lr;
                listeners.forEach(l -> l.onEvent(event));
            }
        }
    }

    /**
     * One attempt: from the newest checkpoint when there is one (its optimizer state replaces
     * the fresh one), else from the initialised model.
     */
    private Summary trainOnce(Trainable model, BatchSource batches, NDManager manager,
            String label) {
        int steps = config.steps();
        int items = batches.itemsPerStep();
        ParameterStore store = new ParameterStore(manager, false);
        Map<String, Double> sums = new LinkedHashMap<>();
        int inInterval = 0;
        int first = 1;
        double before = 0;
        WeightAverage average = config.emaDecay() > 0
                ? new WeightAverage(config.emaDecay(), model.groups()) : null;
        if (checkpoints != null) {
            var resumed = checkpoints.restoreLatest(model.groups(), manager, average);
            if (resumed.isPresent()) {
                Checkpoints.LoopState s = resumed.get();
                first = s.step() + 1;
                sums.putAll(s.intervalSums());
                inInterval = s.inInterval();
                before = s.elapsedSeconds();
                // batch order is a function of the seed: replay it to where the run stopped
                for (int k = 1; k < first; k++) {
                    batches.skip();
                }
            }
        }
        listeners.forEach(l -> l.onStart(steps, label));
        final int resumedAt = first - 1;
        if (resumedAt > 0) {
            listeners.forEach(l -> l.onEvent("resumed from the checkpoint of step " + resumedAt));
            listeners.forEach(l -> l.onStep(resumedAt));
        }
        long start = System.nanoTime();
        long intervalStart = start;
        Engine engine = Engine.getEngine("PyTorch");
        try {
            for (int step = first; step <= steps; step++) {
                double progress = (double) (step - 1) / steps;
                // every random draw of step k is a function of (seed, k), so a run resumed from a
                // checkpoint continues exactly as the uninterrupted run would have
                engine.setRandomSeed(stepSeed(config.seed(), step));
                java.util.SplittableRandom jitter = new java.util.SplittableRandom(
                        config.seed() * 0x9E3779B97F4A7C15L + step);
                Map<String, Double> values;
                try (NDManager stepManager = manager.newSubManager();
                        GradientCollector collector = engine.newGradientCollector()) {
                    BatchSource.Batch b = batches.next(stepManager, jitter);
                    StepContext ctx = new StepContext(stepManager, store, collector,
                            model.groups(), step, progress, b.cleanTarget());
                    values = model.step(ctx, b.source(), b.labels(), b.target());
                }
                for (Map.Entry<String, Double> e : values.entrySet()) {
                    if (!Double.isFinite(e.getValue())) {
                        throw new DivergenceException(e.getKey(), step);
                    }
                    sums.merge(e.getKey(), e.getValue(), Double::sum);
                }
                // after the finiteness check: a diverged step never reaches the average
                if (average != null) {
                    average.update();
                }
                inInterval++;
                final int done = step;
                listeners.forEach(l -> l.onStep(done));
                long now = System.nanoTime();
                if (step % config.logEvery() == 0 || step == steps) {
                    Map<String, Double> means = new LinkedHashMap<>();
                    for (Map.Entry<String, Double> e : sums.entrySet()) {
                        means.put(e.getKey(), e.getValue() / inInterval);
                    }
                    double seconds = (now - intervalStart) / 1e9;
                    StepLog log = new StepLog(step, steps, means,
                            config.lr() * config.lrFactor().value((double) step / steps),
                            (double) items * inInterval / seconds, before + (now - start) / 1e9);
                    listeners.forEach(l -> l.onLog(log));
                    sums.clear();
                    inInterval = 0;
                    intervalStart = now;
                }
                if (candidates != null) {
                    candidates.saveIfDue(step, model.groups(), average);
                }
                // the last step is checkpointed too: a kill while the judge trains or the
                // results are measured then resumes without training again
                if (checkpoints != null && config.checkpointEvery() > 0
                        && (step % config.checkpointEvery() == 0 || step == steps)) {
                    checkpoints.save(new Checkpoints.LoopState(step, new LinkedHashMap<>(sums),
                            inInterval, before + (now - start) / 1e9), model.groups(), average);
                }
            }
        } catch (DivergenceException e) {
            listeners.forEach(l -> l.onEvent(e.getMessage()));
            throw e;
        } finally {
            listeners.forEach(TrainingListener::onEnd);
        }
        if (average != null) {
            // the trained model is the average (the raw weights are in the last checkpoint)
            average.swap();
        }
        double wall = before + (System.nanoTime() - start) / 1e9;
        return new Summary(steps, wall, (double) items * steps / wall);
    }

    /** The engine seed of one step: distinct for every (seed, step) pair in practice. */
    static int stepSeed(long seed, int step) {
        long mixed = (seed + 1) * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 31;
        return (int) (mixed & 0x7FFFFFFF);
    }

    /**
     * Copies selected images into a new array.
     *
     * @param manager owner of the result
     * @param set the images
     * @param indices which
     * @return {@code N×C×S×S}
     */
    public static NDArray images(NDManager manager, ImageSet set, int[] indices) {
        return images(manager, set, indices, Augmentation.NONE, null);
    }

    /**
     * Copies selected images into a new array, jittered.
     *
     * @param manager owner of the result
     * @param set the images
     * @param indices which
     * @param augmentation the jitter
     * @param random its draws (unused when the jitter is inactive)
     * @return {@code N×C×S×S}
     */
    public static NDArray images(NDManager manager, ImageSet set, int[] indices,
            Augmentation augmentation, java.util.SplittableRandom random) {
        int size = set.imageSize();
        float[] buffer = new float[indices.length * size];
        float[] pixels = set.pixels();
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, buffer, i * size, size);
        }
        augmentation.apply(buffer, indices.length, set.channels(), set.height(), set.width(), random);
        return manager.create(FloatBuffer.wrap(buffer),
                new Shape(indices.length, set.channels(), set.height(), set.width()));
    }

    /**
     * Images {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param manager owner of the result
     * @param set the images
     * @param from first index
     * @param to end index
     * @return {@code N×C×S×S}
     */
    public static NDArray range(NDManager manager, ImageSet set, int from, int to) {
        int size = set.imageSize();
        float[] copy = java.util.Arrays.copyOfRange(set.pixels(), from * size, to * size);
        return manager.create(FloatBuffer.wrap(copy),
                new Shape(to - from, set.channels(), set.height(), set.width()));
    }

    /**
     * The inverse of {@link #range}: arrays back to an image set.
     *
     * @param images {@code N×C×S×S}
     * @return the images, copied to the host
     */
    public static ImageSet imageSet(NDArray images) {
        long[] s = images.getShape().getShape();
        return new ImageSet((int) s[0], (int) s[1], (int) s[2], (int) s[3], images.toFloatArray());
    }
}
