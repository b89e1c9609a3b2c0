package io.latentbridge.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command that reads datasets. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data root (default: $LATENTBRIDGE_DATA, then ~/.cache/latentbridge).")
    Path dataDir;
}
