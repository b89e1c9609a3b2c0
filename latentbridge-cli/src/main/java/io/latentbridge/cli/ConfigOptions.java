package io.latentbridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --set}, shared by the commands that resolve a run configuration. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON configuration.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one configuration key (repeatable).")
    List<String> overrides = new ArrayList<>();
}
