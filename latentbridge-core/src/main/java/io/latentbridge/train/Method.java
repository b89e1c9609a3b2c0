package io.latentbridge.train;

/**
 * A transfer-learning method: a name, a configuration record with defaults, and a factory for
 * its networks. Implementations live in {@code io.latentbridge.method.<name>} and are listed
 * once in {@code MethodRegistry}.
 *
 * @param <C> the configuration record
 */
public interface Method<C extends Record> {

    /** @return the name used on the command line */
    String name();

    /** @return one line saying what the method is */
    String description();

    /** @return the configuration record's class */
    Class<C> configType();

    /** @return the default configuration */
    C defaults();

    /**
     * Builds the networks (not yet initialised).
     *
     * @param config the configuration
     * @param shape the data shape
     * @return the model
     */
    MethodModel create(C config, ModelShape shape);

    /**
     * Builds the networks from an untyped configuration (one already converted to {@code C}).
     *
     * @param config an instance of {@link #configType()}
     * @param shape the data shape
     * @return the model
     */
    default MethodModel createUnchecked(Record config, ModelShape shape) {
        return create(configType().cast(config), shape);
    }
}
