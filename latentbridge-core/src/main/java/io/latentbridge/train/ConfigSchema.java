package io.latentbridge.train;

/**
 * The settings something trainable accepts: its own configuration record with defaults, and
 * the defaults of the shared {@link TrainConfig} it starts from. Config files and
 * {@code --set} overrides are resolved against it.
 *
 * @param <C> the configuration record
 */
public interface ConfigSchema<C extends Record> {

    /** @return the name used on the command line and in error messages */
    String name();

    /** @return the configuration record's class */
    Class<C> configType();

    /** @return the default configuration */
    C defaults();

    /** @return the shared settings' defaults (most methods use {@link TrainConfig#DEFAULT}) */
    default TrainConfig trainDefaults() {
        return TrainConfig.DEFAULT;
    }

    /**
     * A schema from its parts.
     *
     * @param name the name
     * @param configType the record's class
     * @param defaults its defaults
     * @param trainDefaults the shared settings' defaults
     * @param <C> the record
     * @return the schema
     */
    static <C extends Record> ConfigSchema<C> of(String name, Class<C> configType, C defaults,
            TrainConfig trainDefaults) {
        return new ConfigSchema<>() {
            @Override
            public String name() {
                return name;
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
            public TrainConfig trainDefaults() {
                return trainDefaults;
            }
        };
    }
}
