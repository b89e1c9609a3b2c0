package io.latentbridge.eval;

/**
 * The data a checkpoint validator may declare. There is deliberately no view with target
 * labels: a validator cannot choose by them because it cannot ask for them.
 */
public enum ValidationView {
    /** A held-out slice of the source training split, with its labels. */
    SOURCE_VALIDATION,
    /** Target training images, without labels. */
    TARGET_UNLABELLED
}
