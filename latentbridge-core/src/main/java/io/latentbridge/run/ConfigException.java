package io.latentbridge.run;

/** An invalid configuration: an unknown key or a bad value. The message is one line. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the key and the problem */
    public ConfigException(String message) {
        super(message);
    }
}
