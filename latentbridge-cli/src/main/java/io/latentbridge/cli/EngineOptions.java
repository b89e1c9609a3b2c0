package io.latentbridge.cli;

import io.latentbridge.data.DataRoots;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.EngineRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that run the engine. */
final class EngineOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data root (default: $LATENTBRIDGE_DATA, then ~/.cache/latentbridge, "
                    + "where missing catalog files are downloaded).")
    Path dataDir;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu",
            description = "Device (default: ${DEFAULT-VALUE}). GPU needs CUDA natives: see docs/GPU.md.")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op threads (default: all available cores).")
    int threads;

    /** @return the data roots; downloads allowed unless a directory was named */
    DataRoots roots() {
        return DataRoots.resolve(dataDir, true);
    }

    /** Starts the engine and logs its settings once. @return the engine info */
    EngineInfo start() {
        EngineInfo info = EngineRuntime.start(null, threads);
        EngineRuntime.device(device);
        System.err.printf("engine: %s %s on %s, %d intra-op thread(s), %d inter-op%n",
                info.engine(), info.version(), device, info.intraOpThreads(), info.interOpThreads());
        return info;
    }
}
