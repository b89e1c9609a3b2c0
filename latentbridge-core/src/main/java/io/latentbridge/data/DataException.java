package io.latentbridge.data;

import java.nio.file.Path;

/**
 * A problem with a user's data: a missing, corrupt or inconsistent file or folder.
 *
 * <p>The message is always one line that names the file (or folder, or option) and the problem, so
 * a command-line front end can print it as it is and exit, without a stack trace.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception about a file.
     *
     * @param file the file or folder at fault
     * @param problem what is wrong, in a few words
     */
    public DataException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /**
     * Creates an exception about a file with an underlying cause.
     *
     * @param file the file or folder at fault
     * @param problem what is wrong, in a few words
     * @param cause the low-level error
     */
    public DataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /**
     * Creates an exception whose message is already complete.
     *
     * @param message a one-line message naming what is at fault
     */
    public DataException(String message) {
        super(message);
    }
}
