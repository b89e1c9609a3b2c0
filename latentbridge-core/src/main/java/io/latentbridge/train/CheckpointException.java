package io.latentbridge.train;

/** A checkpoint could not be written or read; the message is one line for the user. */
public final class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the folder
     * @param cause the underlying error
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
