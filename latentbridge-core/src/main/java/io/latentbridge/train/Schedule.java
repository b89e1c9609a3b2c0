package io.latentbridge.train;

/**
 * A value that changes with training progress {@code p ∈ [0, 1]}: a loss weight, λ of the
 * gradient reversal, a learning-rate factor.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * @param progress training progress in [0, 1]
     * @return the value at that progress
     */
    double value(double progress);

    /**
     * @param v the value
     * @return a schedule that is always {@code v}
     */
    static Schedule constant(double v) {
        return p -> v;
    }

    /**
     * DANN's adaptation factor {@code λ_p = 2 / (1 + exp(−γ p)) − 1}, rising from 0 to almost 1.
     *
     * @param gamma the steepness γ (10 in the paper)
     * @param scale the final value the factor approaches
     * @return the schedule
     */
    static Schedule dannLambda(double gamma, double scale) {
        return p -> scale * (2.0 / (1.0 + Math.exp(-gamma * p)) - 1.0);
    }

    /**
     * DANN's learning-rate annealing factor {@code 1 / (1 + α p)^β}.
     *
     * @param alpha α (10 in the paper)
     * @param beta β (0.75 in the paper)
     * @return the factor, 1 at the start
     */
    static Schedule dannAnnealing(double alpha, double beta) {
        return p -> 1.0 / Math.pow(1.0 + alpha * p, beta);
    }
}
