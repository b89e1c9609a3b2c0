package io.latentbridge.eval;

import ai.djl.ndarray.NDManager;
import java.util.Set;

/**
 * Scores a candidate checkpoint without target labels; the engine keeps the candidate with the
 * highest score. Each validator declares the data it reads ({@link #views()}) and is given only
 * that.
 */
public interface Validator {

    /** @return the protocol's name, as {@code --select} takes it */
    String name();

    /** @return the data this validator reads */
    Set<ValidationView> views();

    /**
     * @param outputs the candidate's outputs on the declared views
     * @param manager for temporary arrays
     * @return the score; higher is better
     */
    double score(CandidateOutputs outputs, NDManager manager);
}
