package io.latentbridge.train;

import io.latentbridge.data.Augmentation;

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
 * @param augmentShift training-image jitter: largest shift in pixels (0: none); see
 *     {@link Augmentation}
 * @param augmentScale training-image jitter: largest relative zoom (0: none)
 * @param augmentRotate training-image jitter: largest rotation in degrees (0: none)
 * @param checkpointEvery steps between crash-safe checkpoints (0: none)
 * @param keepCheckpoints how many of the latest checkpoints are kept
 * @param onDivergence {@code stop}, or {@code retry}: after a NaN/Inf, continue from the last
 *     checkpoint with half the learning rate (at most three times)
 * @param select how the reported model is chosen: {@code last}, or a label-free protocol
 *     ({@code source-val}, {@code iwv}, {@code dev}, {@code snd}) among the candidates
 * @param selectCandidates how many evenly spaced candidates a protocol chooses among
 * @param sourceValidation source training images held out for {@code source-val}, {@code iwv}
 *     and {@code dev} (only when {@code select} is not {@code last})
 * @param emaDecay 0 (the default): the trained model is the last step's weights; in (0, 1):
 *     it is an exponential moving average of the weights with this decay (warm-up
 *     {@code min(decay, (1+t)/(10+t))}), and so is every candidate; training is unchanged
 */
public record TrainConfig(int steps, int batchSize, double lr, String lrSchedule,
        String optimizer, long seed, int logEvery, int judgeSteps, int evalBatch,
        double augmentShift, double augmentScale, double augmentRotate, int checkpointEvery,
        int keepCheckpoints, String onDivergence, String select, Integer selectCandidates,
        Integer sourceValidation, Double emaDecay) {

    /** The defaults. */
    public static final TrainConfig DEFAULT = new TrainConfig(6000, 64, 1e-3, "dann", "adam", 1,
            50, 1500, 500, 2, 0.15, 10, 500, 2, "stop", "last", 5, 1000, 0.0);

    /**
     * The defaults with the given basic settings (no augmentation, default checkpointing).
     *
     * @return the configuration
     */
    public static TrainConfig of(int steps, int batchSize, double lr, String lrSchedule,
            String optimizer, long seed, int logEvery, int judgeSteps, int evalBatch) {
        return new TrainConfig(steps, batchSize, lr, lrSchedule, optimizer, seed, logEvery,
                judgeSteps, evalBatch, 0, 0, 0, DEFAULT.checkpointEvery, DEFAULT.keepCheckpoints,
                DEFAULT.onDivergence, DEFAULT.select, DEFAULT.selectCandidates,
                DEFAULT.sourceValidation, DEFAULT.emaDecay);
    }

    /** Rejects invalid values with a message naming the key. */
    public TrainConfig {
        // run directories written before these keys existed read as the defaults
        select = select == null ? "last" : select;
        selectCandidates = selectCandidates == null ? 5 : selectCandidates;
        sourceValidation = sourceValidation == null ? 1000 : sourceValidation;
        emaDecay = emaDecay == null ? 0.0 : emaDecay;
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
        require(augmentShift >= 0, "augment_shift must be zero or positive, got " + augmentShift);
        require(augmentScale >= 0 && augmentScale < 1,
                "augment_scale must be in [0, 1), got " + augmentScale);
        require(augmentRotate >= 0 && augmentRotate <= 180,
                "augment_rotate must be in [0, 180], got " + augmentRotate);
        require(checkpointEvery >= 0, "checkpoint_every must be zero or positive, got "
                + checkpointEvery);
        require(keepCheckpoints > 0, "keep_checkpoints must be positive, got " + keepCheckpoints);
        require("stop".equals(onDivergence) || "retry".equals(onDivergence),
                "on_divergence must be stop or retry, got '" + onDivergence + "'");
        require(java.util.List.of("last", "source-val", "iwv", "dev", "snd").contains(select),
                "select must be last, source-val, iwv, dev or snd, got '" + select + "'");
        require(selectCandidates > 0, "select_candidates must be positive, got "
                + selectCandidates);
        require(sourceValidation > 1, "source_validation must be at least 2, got "
                + sourceValidation);
        require(emaDecay >= 0 && emaDecay < 1, "ema_decay must be in [0, 1), got " + emaDecay);
    }

    /** @return the training-image jitter these settings ask for */
    public Augmentation augmentation() {
        return new Augmentation(augmentShift, augmentScale, augmentRotate);
    }

    /**
     * @param newSteps the steps
     * @return a copy with those steps
     */
    public TrainConfig withSteps(int newSteps) {
        return new TrainConfig(newSteps, batchSize, lr, lrSchedule, optimizer, seed, logEvery,
                judgeSteps, evalBatch, augmentShift, augmentScale, augmentRotate,
                checkpointEvery, keepCheckpoints, onDivergence, select, selectCandidates,
                sourceValidation, emaDecay);
    }

    /**
     * @param newSeed the seed
     * @return a copy with that seed
     */
    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(steps, batchSize, lr, lrSchedule, optimizer, newSeed, logEvery,
                judgeSteps, evalBatch, augmentShift, augmentScale, augmentRotate,
                checkpointEvery, keepCheckpoints, onDivergence, select, selectCandidates,
                sourceValidation, emaDecay);
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
