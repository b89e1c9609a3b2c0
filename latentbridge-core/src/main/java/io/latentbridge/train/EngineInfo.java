package io.latentbridge.train;

/**
 * What the deep-learning engine runs on, recorded in every run's provenance.
 *
 * @param engine engine name
 * @param version engine (libtorch) version
 * @param device the device, e.g. {@code cpu()}
 * @param intraOpThreads threads inside one operator
 * @param interOpThreads threads across operators
 */
public record EngineInfo(String engine, String version, String device, int intraOpThreads,
        int interOpThreads) {}
