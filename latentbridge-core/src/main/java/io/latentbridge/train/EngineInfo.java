package io.latentbridge.train;

/**
 * What the deep-learning engine runs on, recorded in every run's provenance.
 *
 * @param engine engine name
 * @param version engine (libtorch) version
 * @param device the device name, {@code cpu} or {@code gpu}
 * @param intraOpThreads threads inside one operator
 * @param interOpThreads threads across operators
 * @param allocator how the C allocator was set up ({@link NativeMemory#tune()})
 */
public record EngineInfo(String engine, String version, String device, int intraOpThreads,
        int interOpThreads, String allocator) {

    /** @return the device every array of a run is created on */
    public ai.djl.Device toDevice() {
        return EngineRuntime.device(device);
    }
}
