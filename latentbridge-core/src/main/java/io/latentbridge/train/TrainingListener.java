package io.latentbridge.train;

/** Hears about training progress: a progress bar, a metrics file. */
public interface TrainingListener {

    /**
     * @param totalSteps steps planned
     * @param label what is being trained
     */
    default void onStart(int totalSteps, String label) {}

    /** @param log the metrics of the last interval */
    default void onLog(StepLog log) {}

    /** Called after every step, for cheap progress updates. @param step the step done */
    default void onStep(int step) {}

    /** @param event a one-line description of something that went wrong */
    default void onEvent(String event) {}

    /** Training ended (normally or not). */
    default void onEnd() {}
}
