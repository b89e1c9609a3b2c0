package io.latentbridge.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.PairedBatches;
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

    /** Summary of a finished training. */
    public record Summary(int steps, double wallSeconds, double imagesPerSecond) {}

    /**
     * @param config the shared settings
     * @param listeners who hears about progress
     */
    public TrainingLoop(TrainConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Seeds the engine and initialises the model's parameters, then gives every group an Adam
     * optimizer with the configured schedule.
     *
     * @param model the model
     * @param manager the manager that will own the parameters
     */
    public void initialize(MethodModel model, NDManager manager) {
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        model.initialize(manager);
        Schedule factor = config.lrFactor();
        double lr = config.lr();
        int steps = config.steps();
        for (ParameterGroup group : model.groups()) {
            ai.djl.training.tracker.ParameterTracker rate = (id, update) ->
                    (float) (lr * factor.value(Math.min(1.0, (double) update / steps)));
            group.setOptimizer("sgd".equals(config.optimizer())
                    ? Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build()
                    : Optimizer.adam().optLearningRateTracker(rate).build());
        }
    }

    /**
     * Trains an initialised model.
     *
     * @param model the model
     * @param source the labelled source training set
     * @param target the unlabelled target training set
     * @param manager the manager that owns the parameters
     * @param label what is trained, for progress output
     * @return the summary
     */
    public Summary train(MethodModel model, LabelledImages source, UnlabelledImages target,
            NDManager manager, String label) {
        int steps = config.steps();
        int batch = config.batchSize();
        PairedBatches batches = new PairedBatches(source.size(), target.size(), batch,
                config.seed());
        ParameterStore store = new ParameterStore(manager, false);
        listeners.forEach(l -> l.onStart(steps, label));
        Map<String, Double> sums = new LinkedHashMap<>();
        int inInterval = 0;
        long start = System.nanoTime();
        long intervalStart = start;
        try {
            for (int step = 1; step <= steps; step++) {
                double progress = (double) (step - 1) / steps;
                PairedBatches.Batch b = batches.next();
                Map<String, Double> values;
                try (NDManager stepManager = manager.newSubManager();
                        GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray xs = images(stepManager, source.images(), b.source());
                    NDArray ys = labels(stepManager, source.labels(), b.source());
                    NDArray xt = images(stepManager, target.images(), b.target());
                    StepContext ctx = new StepContext(stepManager, store, collector,
                            model.groups(), step, progress);
                    values = model.step(ctx, xs, ys, xt);
                }
                for (Map.Entry<String, Double> e : values.entrySet()) {
                    if (!Double.isFinite(e.getValue())) {
                        throw new DivergenceException(e.getKey(), step);
                    }
                    sums.merge(e.getKey(), e.getValue(), Double::sum);
                }
                inInterval++;
                final int done = step;
                listeners.forEach(l -> l.onStep(done));
                if (step % config.logEvery() == 0 || step == steps) {
                    long now = System.nanoTime();
                    Map<String, Double> means = new LinkedHashMap<>();
                    for (Map.Entry<String, Double> e : sums.entrySet()) {
                        means.put(e.getKey(), e.getValue() / inInterval);
                    }
                    double seconds = (now - intervalStart) / 1e9;
                    StepLog log = new StepLog(step, steps, means,
                            config.lr() * config.lrFactor().value((double) step / steps),
                            2.0 * batch * inInterval / seconds, (now - start) / 1e9);
                    listeners.forEach(l -> l.onLog(log));
                    sums.clear();
                    inInterval = 0;
                    intervalStart = now;
                }
            }
        } catch (DivergenceException e) {
            listeners.forEach(l -> l.onEvent(e.getMessage()));
            throw e;
        } finally {
            listeners.forEach(TrainingListener::onEnd);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Summary(steps, wall, 2.0 * batch * steps / wall);
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
        int size = set.imageSize();
        float[] buffer = new float[indices.length * size];
        float[] pixels = set.pixels();
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, buffer, i * size, size);
        }
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

    private static NDArray labels(NDManager manager, int[] labels, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return manager.create(out);
    }
}
