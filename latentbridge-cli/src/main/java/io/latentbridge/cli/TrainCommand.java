package io.latentbridge.cli;

import io.latentbridge.method.MethodRegistry;
import io.latentbridge.run.BridgeRun;
import io.latentbridge.run.ConfigException;
import io.latentbridge.run.ConfigResolver;
import io.latentbridge.run.RunResult;
import io.latentbridge.run.TrainingRun;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.Method;
import io.latentbridge.train.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentbridge train}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a method on a source → target task and write a run directory.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--method", paramLabel = "NAME",
            description = "Method: source-only, ddc, dann, dsn, cdlm, or bridge (latent "
                    + "translation between pretrained models; required unless --resume).")
    String method;

    @Option(names = "--base-a", paramLabel = "DIR",
            description = "bridge: the source domain's pretrained VAE (latentbridge pretrain vae).")
    Path baseA;

    @Option(names = "--base-b", paramLabel = "DIR",
            description = "bridge: the target domain's pretrained VAE.")
    Path baseB;

    @Option(names = "--classifier-a", paramLabel = "DIR",
            description = "bridge: the source domain's pretrained classifier (evaluation only).")
    Path classifierA;

    @Option(names = "--classifier-b", paramLabel = "DIR",
            description = "bridge: the target domain's pretrained classifier (evaluation only).")
    Path classifierB;

    @Option(names = "--source", paramLabel = "DATA",
            description = "Source domain: mnist, fashion-mnist, usps, or folder:PATH.")
    String source;

    @Option(names = "--target", paramLabel = "DATA",
            description = "Target domain (its labels are never used for training).")
    String target;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the unfinished run in DIR from its newest checkpoint, with "
                    + "the configuration recorded there.")
    Path resume;

    @Option(names = "--select", paramLabel = "PROTOCOL",
            description = "How the reported model is chosen: last (default), or a label-free "
                    + "protocol among candidates: source-val, iwv, dev, snd.")
    String select;

    @Option(names = "--on-divergence", paramLabel = "stop|retry",
            description = "On a NaN/Inf: stop (default), or retry from the newest checkpoint "
                    + "with half the learning rate (at most 3 times).")
    String onDivergence;

    static final class Length {
        @Option(names = "--steps", paramLabel = "N", description = "Training steps.")
        Integer steps;
        @Option(names = "--epochs", paramLabel = "N",
                description = "Passes over the source training set (converted to steps).")
        Integer epochs;
    }

    @ArgGroup(exclusive = true)
    Length length;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the config's, 1).")
    Long seed;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: runs/<method>-<source>-<target>-s<seed>, "
                    + "numbered -2, -3, … when taken).")
    Path out;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            return resume();
        }
        for (String[] required : new String[][] {{"--method", method}, {"--source", source},
                {"--target", target}}) {
            if (required[1] == null) {
                throw new ConfigException(required[0] + " is required (or --resume DIR)");
            }
        }
        boolean bridge = BridgeRun.METHOD.equals(method);
        if (!bridge && (baseA != null || baseB != null || classifierA != null
                || classifierB != null)) {
            throw new ConfigException("--base-a, --base-b, --classifier-a and --classifier-b are"
                    + " options of --method bridge only");
        }
        if (bridge) {
            return bridge();
        }
        MethodRegistry registry = new MethodRegistry();
        Method<?> m = registry.find(method).orElseThrow(() -> new ConfigException(
                "--method: unknown method '" + method + "' (known: " + registry.names() + ")"));
        List<String> overrides = BenchmarkCommand.withSelect(configuration.overrides, select);
        if (onDivergence != null) {
            overrides.add("on_divergence=" + onDivergence);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver().resolve(m, configuration.file,
                overrides);
        TrainConfig train = withSeedAndSteps(resolved.train());
        int epochs = length != null && length.epochs != null ? length.epochs : 0;
        if (length != null && length.epochs != null && epochs <= 0) {
            throw new ConfigException("--epochs must be positive, got " + epochs);
        }
        var data = engine.data();
        var roots = engine.roots();
        EngineInfo info = engine.start();
        Path dir = out != null ? out : freeDefault(Path.of("runs", method + "-" + safe(source)
                + "-" + safe(target) + "-s" + train.seed()));
        boolean terminal = System.console() != null;
        TrainingRun run = new TrainingRun(ConsoleProgress.perPhase(terminal));
        RunResult r = run.run(new TrainingRun.Request(m,
                new ConfigResolver.Resolved(train, resolved.method()), source, target, dir,
                roots, info, epochs > 0 ? epochs : null, data));
        report(r, dir);
        return 0;
    }

    /** Latent translation: the same options, pretrained parts instead of a transfer task. */
    private int bridge() throws Exception {
        if (select != null || onDivergence != null || (length != null && length.epochs != null)) {
            throw new ConfigException("--method bridge takes --steps, not --epochs, --select or "
                    + "--on-divergence");
        }
        ConfigResolver.Resolved resolved = new ConfigResolver().resolve(BridgeRun.SCHEMA,
                configuration.file, configuration.overrides);
        TrainConfig train = withSeedAndSteps(resolved.train());
        var roots = engine.roots();
        EngineInfo info = engine.start();
        Path dir = out != null ? out : freeDefault(Path.of("runs", method + "-" + safe(source)
                + "-" + safe(target) + "-s" + train.seed()));
        boolean terminal = System.console() != null;
        BridgeRun.Result r = new BridgeRun(ConsoleProgress.perPhase(terminal))
                .run(new BridgeRun.Request(new ConfigResolver.Resolved(train, resolved.method()),
                        source, target, new BridgeRun.Bases(baseA, baseB, classifierA,
                                classifierB), dir, roots, info));
        System.out.printf("transfer accuracy %s->%s %.4f  %s->%s %.4f  (classifiers on real "
                + "test images: %.4f, %.4f)%n", source, target, r.transferAccuracyAToB(), target,
                source, r.transferAccuracyBToA(), r.classifierAccuracyA(),
                r.classifierAccuracyB());
        System.out.printf("%d steps in %.1f s (%.0f codes/s; encoding %.1f s; the base VAEs "
                + "took %.1f s)%n", r.steps(), r.wallSeconds(), r.codesPerSecond(),
                r.encodeSeconds(), r.baseVaeWallSeconds());
        System.out.println("run directory: " + dir.toAbsolutePath().normalize());
        return 0;
    }

    /** The resolved settings with --seed and --steps applied. */
    private TrainConfig withSeedAndSteps(TrainConfig train) {
        if (seed != null) {
            train = train.withSeed(seed);
        }
        if (length != null && length.steps != null) {
            if (length.steps <= 0) {
                throw new ConfigException("--steps must be positive, got " + length.steps);
            }
            train = train.withSteps(length.steps);
        }
        return train;
    }

    private int resume() throws Exception {
        if (method != null || source != null || target != null || length != null || seed != null
                || out != null || configuration.file != null || !configuration.overrides.isEmpty()
                || onDivergence != null || select != null || baseA != null || baseB != null
                || classifierA != null || classifierB != null) {
            throw new ConfigException("--resume takes the run's recorded configuration; drop "
                    + "--method, --source, --target, --steps, --epochs, --seed, --out, --config, "
                    + "--set and --on-divergence");
        }
        if (BridgeRun.isBridgeRun(resume)) {
            throw new ConfigException(resume + ": a bridge run cannot be resumed (it keeps no "
                    + "checkpoints); train it again with --out");
        }
        var roots = engine.roots();
        EngineInfo info = engine.start();
        boolean terminal = System.console() != null;
        RunResult r = new TrainingRun(ConsoleProgress.perPhase(terminal))
                .resume(resume, roots, info);
        report(r, resume);
        return 0;
    }

    private static void report(RunResult r, Path dir) {
        String target = r.target();
        String chosen = r.selectedStep() == null ? "last step"
                : "step " + r.selectedStep() + " chosen by " + r.selection();
        System.out.printf("target accuracy %.4f  (source %.4f)  on %s test, model = %s%n",
                r.targetAccuracy(), r.sourceAccuracy(), target, chosen);
        if (r.translationAccuracy() != null) {
            System.out.printf("translation t->s accuracy %.4f  (judge on untranslated target %.4f)%n",
                    r.translationAccuracy(), r.judgeTargetAccuracy());
        }
        System.out.printf("%d steps in %.1f s (%.0f images/s)%n", r.steps(), r.wallSeconds(),
                r.imagesPerSecond());
        System.out.println("run directory: " + dir.toAbsolutePath().normalize());
    }

    /** The default run directory, numbered when an earlier run already took it. */
    private static Path freeDefault(Path base) {
        Path dir = base;
        for (int i = 2; java.nio.file.Files.exists(dir.resolve(TrainingRun.RESULT)); i++) {
            dir = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return dir;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]+", "_");
    }
}
