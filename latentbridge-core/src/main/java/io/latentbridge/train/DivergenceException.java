package io.latentbridge.train;

/** Training produced a NaN or an infinity; the message names the term and the step. */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String term;
    private final int step;

    /**
     * @param term the loss term or gradient that is not finite
     * @param step the step at which it happened
     */
    public DivergenceException(String term, int step) {
        super("training diverged: " + term + " is not finite at step " + step);
        this.term = term;
        this.step = step;
    }

    /** @return the term that is not finite */
    public String term() {
        return term;
    }

    /** @return the step */
    public int step() {
        return step;
    }
}
