package io.latentbridge.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * Starts DJL's PyTorch engine the way LatentBridge needs it: offline, with natives unpacked
 * into a chosen cache instead of the user's home, and with deliberate thread counts.
 *
 * <p>System properties are the only interface DJL offers for these settings, and they are read
 * once, when the engine first loads; this class sets only those not already set by the caller.
 */
public final class EngineRuntime {

    private EngineRuntime() {}

    /**
     * Configures and loads the engine.
     *
     * @param cacheDir where natives are unpacked ({@code DJL_CACHE_DIR}); {@code null} keeps an
     *     existing setting or DJL's default
     * @param threads intra-op threads; 0 means the number of available cores
     * @return what the engine runs with
     */
    public static EngineInfo start(Path cacheDir, int threads) {
        return start(cacheDir, threads, "cpu");
    }

    /**
     * Configures and loads the engine for a device.
     *
     * @param cacheDir where natives are unpacked; {@code null} keeps an existing setting
     * @param threads intra-op threads; 0 means the number of available cores
     * @param deviceName {@code cpu} or {@code gpu}, checked against what the engine sees
     * @return what the engine runs with
     */
    public static EngineInfo start(Path cacheDir, int threads, String deviceName) {
        setIfAbsent("ai.djl.offline", "true");
        if (cacheDir != null) {
            setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
            setIfAbsent("jna.tmpdir", cacheDir.resolve("jna").toString());
        }
        String allocator = NativeMemory.tune();
        int cores = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads > 0 ? threads : cores));
        // one inter-op thread: training is a chain of dependent ops, so parallelism belongs
        // inside each op (intra-op), and a second pool would only compete for the same cores
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine = Engine.getEngine("PyTorch");
        device(deviceName);
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), deviceName,
                Integer.getInteger("ai.djl.pytorch.num_threads", cores),
                Integer.getInteger("ai.djl.pytorch.num_interop_threads", 1), allocator);
    }

    /**
     * Resolves a device name.
     *
     * @param name {@code cpu} or {@code gpu}
     * @return the device
     * @throws IllegalArgumentException when a GPU is asked for and the engine sees none
     */
    public static Device device(String name) {
        if ("cpu".equals(name)) {
            return Device.cpu();
        }
        if ("gpu".equals(name)) {
            if (Engine.getEngine("PyTorch").getGpuCount() == 0) {
                throw new IllegalArgumentException("--device gpu: the PyTorch engine sees no GPU "
                        + "(CPU natives loaded; see docs/GPU.md for the CUDA natives)");
            }
            return Device.gpu();
        }
        throw new IllegalArgumentException("--device must be cpu or gpu, got '" + name + "'");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
