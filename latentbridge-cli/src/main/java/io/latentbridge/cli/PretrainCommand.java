package io.latentbridge.cli;

import io.latentbridge.run.ConfigException;
import io.latentbridge.run.ConfigResolver;
import io.latentbridge.run.PretrainRun;
import io.latentbridge.train.ConfigSchema;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.TrainConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latentbridge pretrain vae|classifier}: the frozen parts latent translation bridges. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain a base model on one labelled domain: a VAE (bridged by "
                + "--method bridge) or a classifier (used only to evaluate translations).")
final class PretrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "vae|classifier", description = "What to pretrain.")
    String kind;

    @Option(names = "--data", required = true, paramLabel = "DATA",
            description = "The domain: mnist, fashion-mnist, usps, or folder:PATH.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the pretrained model is written.")
    Path out;

    @Option(names = "--steps", paramLabel = "N",
            description = "Training steps (default: vae 10000, classifier 3000).")
    Integer steps;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default 1).")
    Long seed;

    @Mixin
    ConfigOptions configuration;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        ConfigSchema<?> schema = PretrainRun.schema(kind);
        ConfigResolver.Resolved resolved = new ConfigResolver().resolve(schema,
                configuration.file, configuration.overrides);
        TrainConfig train = resolved.train();
        if (seed != null) {
            train = train.withSeed(seed);
        }
        if (steps != null) {
            if (steps <= 0) {
                throw new ConfigException("--steps must be positive, got " + steps);
            }
            train = train.withSteps(steps);
        }
        var roots = engine.roots();
        EngineInfo info = engine.start();
        boolean terminal = System.console() != null;
        PretrainRun.Record r = new PretrainRun(ConsoleProgress.perPhase(terminal))
                .run(new PretrainRun.Request(kind, data, new ConfigResolver.Resolved(train,
                        resolved.method()), out, roots, info));
        StringBuilder metrics = new StringBuilder();
        for (Map.Entry<String, Double> e : r.result().entrySet()) {
            metrics.append(String.format("%s %.4f  ", e.getKey(), e.getValue()));
        }
        System.out.printf("pretrained %s on %s test: %s%n", kind, data, metrics.toString().trim());
        System.out.printf("%d steps in %.1f s%n", train.steps(), r.wallSeconds());
        System.out.println("pretrained model: " + out.toAbsolutePath().normalize());
        return 0;
    }
}
