package io.latentbridge.train;

/**
 * A transfer-learning method: a name, a configuration record with defaults, and a factory for
 * its networks. Implementations live in {@code io.latentbridge.method.<name>} and are listed
 * once in {@code MethodRegistry}.
 *
 * @param <C> the configuration record
 */
public interface Method<C extends Record> extends ConfigSchema<C> {

    /** @return one line saying what the method is */
    String description();

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

    /**
     * A method from its parts: most methods need nothing more.
     *
     * @param name the command-line name
     * @param description one line
     * @param configType the configuration record's class
     * @param defaults the default configuration
     * @param factory builds the networks
     * @param <C> the configuration record
     * @return the method
     */
    static <C extends Record> Method<C> of(String name, String description, Class<C> configType,
            C defaults, java.util.function.BiFunction<C, ModelShape, MethodModel> factory) {
        return new Method<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Class<C> configType() {
                return configType;
            }

            @Override
            public C defaults() {
                return defaults;
            }

            @Override
            public MethodModel create(C config, ModelShape shape) {
                return factory.apply(config, shape);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
