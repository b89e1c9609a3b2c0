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

    @Option(names = "--image-size", paramLabel = "S", defaultValue = "28",
            description = "Common image side both domains are resized to (default: ${DEFAULT-VALUE}; 32 for colour domains).")
    int imageSize;

    @Option(names = "--channels", paramLabel = "1|3",
            description = "Common channel count (default: 3 if either domain is colour, else 1).")
    Integer channels;

    /** @return how both domains are preprocessed */
    io.latentbridge.data.Task.Options data() {
        return new io.latentbridge.data.Task.Options(imageSize, channels);
    }

    /** @return the data roots; downloads allowed unless a directory was named */
    DataRoots roots() {
        return DataRoots.resolve(dataDir, true);
    }

    /** Starts the engine and logs its settings once. @return the engine info */
    EngineInfo start() {
        EngineInfo info = EngineRuntime.start(null, threads, device);
        System.err.printf("engine: %s %s on %s, %d intra-op thread(s), %d inter-op, allocator %s%n",
                info.engine(), info.version(), device, info.intraOpThreads(), info.interOpThreads(),
                info.allocator());
        return info;
    }
}
