package io.latentbridge.train;

/**
 * Settings every method shares. In config files and {@code --set} the keys are snake_case
 * ({@code batch_size}, {@code lr_schedule}, …).
 *
 * @param steps optimisation steps (each sees one source and one target batch)
 * @param batchSize images per domain per step
 * @param lr Adam's base learning rate
 * @param lrSchedule {@code constant}, or {@code dann}: {@code lr / (1 + 10p)^0.75}
 * @param optimizer {@code adam}, or {@code sgd} (momentum 0.9, as in the DANN paper)
 * @param seed seeds weights, noise and batch order
 * @param logEvery steps between metric lines
 * @param judgeSteps steps of the source-only classifier that scores translations (0: none)
 * @param evalBatch batch size for evaluation
 */
public record TrainConfig(int steps, int batchSize, double lr, String lrSchedule,
        String optimizer, long seed, int logEvery, int judgeSteps, int evalBatch) {

    /** The defaults. */
    public static final TrainConfig DEFAULT =
            new TrainConfig(6000, 64, 1e-3, "dann", "adam", 1, 50, 1500, 500);

    /** Rejects invalid values with a message naming the key. */
    public TrainConfig {
        require(steps > 0, "steps must be positive, got " + steps);
        require(batchSize > 0, "batch_size must be positive, got " + batchSize);
        require(lr > 0 && Double.isFinite(lr), "lr must be a positive number, got " + lr);
        require("constant".equals(lrSchedule) || "dann".equals(lrSchedule),
                "lr_schedule must be constant or dann, got '" + lrSchedule + "'");
        require("adam".equals(optimizer) || "sgd".equals(optimizer),
                "optimizer must be adam or sgd, got '" + optimizer + "'");
        require(logEvery > 0, "log_every must be positive, got " + logEvery);
        require(judgeSteps >= 0, "judge_steps must be zero or positive, got " + judgeSteps);
        require(evalBatch > 0, "eval_batch must be positive, got " + evalBatch);
    }

    /**
     * @param newSteps the steps
     * @return a copy with those steps
     */
    public TrainConfig withSteps(int newSteps) {
        return new TrainConfig(newSteps, batchSize, lr, lrSchedule, optimizer, seed, logEvery,
                judgeSteps, evalBatch);
    }

    /**
     * @param newSeed the seed
     * @return a copy with that seed
     */
    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(steps, batchSize, lr, lrSchedule, optimizer, newSeed, logEvery,
                judgeSteps, evalBatch);
    }

    /** @return the learning-rate factor as a function of progress */
    public Schedule lrFactor() {
        return "dann".equals(lrSchedule) ? Schedule.dannAnnealing(10, 0.75) : Schedule.constant(1);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
