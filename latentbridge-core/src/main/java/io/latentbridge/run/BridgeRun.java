package io.latentbridge.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.latentbridge.data.Checksums;
import io.latentbridge.data.DataFileRecord;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.LabelledDomain;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.method.bridge.BaseVae;
import io.latentbridge.method.bridge.BridgeConfig;
import io.latentbridge.method.bridge.BridgeEvaluation;
import io.latentbridge.method.bridge.BridgeModel;
import io.latentbridge.method.bridge.ClassPairedLatents;
import io.latentbridge.method.bridge.LatentCodes;
import io.latentbridge.train.ConfigSchema;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.MetricsFile;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.TrainConfig;
import io.latentbridge.train.TrainingListener;
import io.latentbridge.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Latent translation from pretrained parts to run directory: read the two frozen base VAEs and
 * the two evaluation classifiers, encode both training sets once, train the bridge through the
 * one {@link TrainingLoop} on class-paired latent batches, measure transfer accuracy both ways
 * and write {@code config.json}, {@code metrics.jsonl}, {@code model/}, the pictures and, last,
 * {@code result.json}.
 */
public final class BridgeRun {

    /** The bridge's name on the command line. */
    public static final String METHOD = "bridge";

    /** The bridge's settings: the paper's (Adam 1e-3, batch 512 per domain, 20,000 steps). */
    public static final ConfigSchema<BridgeConfig> SCHEMA = ConfigSchema.of(METHOD,
            BridgeConfig.class, BridgeConfig.DEFAULT, new TrainConfig(20_000, 512, 1e-3,
                    "constant", "adam", 1, 100, 0, 1000, 0, 0, 0, 0, 2, "stop", "last", 5, 1000, 0.0));

    /**
     * The pretrained parts.
     *
     * @param vaeA the first domain's VAE directory
     * @param vaeB the second domain's
     * @param classifierA the first domain's evaluation classifier directory
     * @param classifierB the second domain's
     */
    public record Bases(Path vaeA, Path vaeB, Path classifierA, Path classifierB) {}

    /**
     * What to run.
     *
     * @param config the resolved settings
     * @param source the first domain (A)
     * @param target the second domain (B)
     * @param bases the pretrained parts
     * @param out the run directory
     * @param roots where data is
     * @param engine the engine in use
     */
    public record Request(ConfigResolver.Resolved config, String source, String target,
            Bases bases, Path out, DataRoots roots, EngineInfo engine) {}

    /**
     * One pretrained part as recorded in {@code config.json}.
     *
     * @param option the option that named it
     * @param path its directory
     * @param kind vae or classifier
     * @param data the domain it was trained on
     * @param wallSeconds its training time
     * @param result its test metrics
     * @param parameters its parameter files with their SHA-256
     */
    public record Part(String option, String path, String kind, String data, double wallSeconds,
            Map<String, Double> result, List<DataFileRecord> parameters) {}

    /**
     * The content of a bridge run's {@code config.json}.
     *
     * @param method {@code bridge}
     * @param source the first domain
     * @param target the second domain
     * @param train the training settings
     * @param methodConfig the bridge's settings
     * @param parts the pretrained parts
     * @param provenance where the run came from
     */
    public record Config(String method, String source, String target, TrainConfig train,
            JsonNode methodConfig, List<Part> parts, Provenance provenance) {}

    /**
     * The content of {@code result.json}.
     *
     * @param method {@code bridge}
     * @param source the first domain (A)
     * @param target the second domain (B)
     * @param seed the seed
     * @param steps training steps
     * @param transferAccuracyAToB transfer accuracy A→B
     * @param transferAccuracyBToA transfer accuracy B→A
     * @param classifierAccuracyA A's classifier on A's real test images
     * @param classifierAccuracyB B's classifier on B's real test images
     * @param confusionAToB A's class of the original × B's class of the translation
     * @param confusionBToA B's class of the original × A's class of the translation
     * @param selection how the model was chosen ({@code last})
     * @param wallSeconds the bridge's training time
     * @param encodeSeconds encoding both training sets with the frozen encoders
     * @param baseVaeWallSeconds the two base VAEs' training time together
     * @param codesPerSecond latent codes per second in training
     *     (JSON keys {@code transfer_accuracy_a_to_b}, {@code confusion_a_to_b} and so on;
     *     runs written before they were named read too)
     * @param transferCurve transfer accuracy during training, on the first
     *     {@value #PROBE_ITEMS} test images of each domain (its time is inside the wall time)
     */
    public record Result(String method, String source, String target, long seed, int steps,
            @JsonProperty("transfer_accuracy_a_to_b") @JsonAlias("transfer_accuracy_ato_b")
            double transferAccuracyAToB,
            @JsonProperty("transfer_accuracy_b_to_a") @JsonAlias("transfer_accuracy_bto_a")
            double transferAccuracyBToA,
            double classifierAccuracyA, double classifierAccuracyB,
            @JsonProperty("confusion_a_to_b") @JsonAlias("confusion_ato_b") int[][] confusionAToB,
            @JsonProperty("confusion_b_to_a") @JsonAlias("confusion_bto_a") int[][] confusionBToA,
            String selection, double wallSeconds, double encodeSeconds, double baseVaeWallSeconds,
            double codesPerSecond, List<CurvePoint> transferCurve) {}

    /**
     * Transfer accuracy at one step of training.
     *
     * @param step the step
     * @param aToB A→B
     * @param bToA B→A
     */
    public record CurvePoint(int step, double aToB, double bToA) {}

    /** Test images per domain the curve during training is measured on. */
    public static final int PROBE_ITEMS = 1000;

    /** Points of the curve during training (evenly spaced). */
    static final int PROBES = 10;

    private final Function<String, List<TrainingListener>> progress;

    /** @param progress makes the progress listeners of the training phase */
    public BridgeRun(Function<String, List<TrainingListener>> progress) {
        this.progress = progress;
    }

    /** The loaded parts and data of one bridge. */
    private record Loaded(List<Part> parts, PretrainRun.Record[] records, LabelledDomain a,
            LabelledDomain b, BaseVae vaeA, BaseVae vaeB, MethodModel classifierA,
            MethodModel classifierB) {}

    /**
     * Trains and measures a bridge.
     *
     * @param request what to run
     * @return the result, also written to {@code result.json}
     * @throws IOException when the run directory cannot be written
     */
    public Result run(Request request) throws IOException {
        Path out = request.out();
        if (Files.exists(out.resolve(TrainingRun.RESULT))) {
            throw new ConfigException(out + ": already holds a finished run (choose another --out)");
        }
        TrainConfig train = request.config().train();
        BridgeConfig config = (BridgeConfig) request.config().method();
        try (NDManager manager = NDManager.newBaseManager(request.engine().toDevice())) {
            Loaded parts = load(request.bases(), request.source(), request.target(),
                    request.roots(), manager);
            TrainingRun.createWritable(out);
            List<DataFileRecord> files = new ArrayList<>(parts.a().files());
            files.addAll(parts.b().files());
            // the bridge's data are latent codes: its "image" is one row of the base width
            ModelShape shape = new ModelShape(1, parts.vaeA().latent(),
                    parts.a().train().classes().size());
            Json.write(out.resolve(TrainingRun.CONFIG), new Config(METHOD, request.source(),
                    request.target(), train, Json.json().valueToTree(config), parts.parts(),
                    new Provenance(Provenance.version(), Provenance.commit(),
                            System.getProperty("java.version"), request.engine(), train.seed(),
                            shape, files)));
            Files.deleteIfExists(out.resolve(TrainingRun.METRICS));

            long started = System.nanoTime();
            LatentCodes codesA = encode(parts.vaeA(), parts.a().train(), train.evalBatch(), manager);
            LatentCodes codesB = encode(parts.vaeB(), parts.b().train(), train.evalBatch(), manager);
            double encodeSeconds = (System.nanoTime() - started) / 1e9;

            BridgeModel bridge = new BridgeModel(config, codesA.width(), shape.classes());
            List<TrainingListener> listeners = new ArrayList<>(progress.apply(METHOD));
            listeners.add(new MetricsFile(out.resolve(TrainingRun.METRICS), "model"));
            List<CurvePoint> curve = new ArrayList<>();
            listeners.add(probe(bridge, parts, train, curve, manager));
            TrainingLoop loop = new TrainingLoop(train, listeners);
            loop.initialize(bridge, manager);
            TrainingLoop.Summary summary = loop.train(bridge, () -> new ClassPairedLatents(
                    codesA, codesB, shape.classes(), train.batchSize(), train.seed()), manager,
                    "bridge " + request.source() + " <-> " + request.target());
            for (ParameterGroup g : bridge.groups()) {
                g.save(out.resolve(TrainingRun.MODEL));
            }
            Result result = measure(bridge, parts, request.source(), request.target(), train,
                    summary.wallSeconds(), encodeSeconds, summary.imagesPerSecond(), curve, out,
                    manager);
            double[] steps = curve.stream().mapToDouble(CurvePoint::step).toArray();
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put(request.source() + " -> " + request.target(),
                    curve.stream().mapToDouble(CurvePoint::aToB).toArray());
            series.put(request.target() + " -> " + request.source(),
                    curve.stream().mapToDouble(CurvePoint::bToA).toArray());
            if (!curve.isEmpty()) {
                Files.write(out.resolve("transfer_accuracy.png"), io.latentbridge.report.Charts
                        .lines("Transfer accuracy during training (first " + PROBE_ITEMS
                                + " test images per domain)", "transfer accuracy", steps, series,
                                false));
            }
            Json.write(out.resolve(TrainingRun.RESULT), result);
            return result;
        }
    }

    /**
     * Reloads a finished bridge run and measures it again, with the seed it was measured with.
     *
     * @param dir the run directory
     * @param roots where data is
     * @param engine the engine in use
     * @return the recomputed result (not written)
     * @throws IOException when the directory cannot be read
     */
    public static Result evaluate(Path dir, DataRoots roots, EngineInfo engine) throws IOException {
        Config config = Json.json().readValue(dir.resolve(TrainingRun.CONFIG).toFile(), Config.class);
        Result recorded = recorded(dir);
        Map<String, Path> paths = new LinkedHashMap<>();
        config.parts().forEach(p -> paths.put(p.option(), Path.of(p.path())));
        Bases bases = new Bases(paths.get("--base-a"), paths.get("--base-b"),
                paths.get("--classifier-a"), paths.get("--classifier-b"));
        try (NDManager manager = NDManager.newBaseManager(engine.toDevice())) {
            Loaded parts = load(bases, config.source(), config.target(), roots, manager);
            BridgeConfig bridgeConfig = Json.json().treeToValue(config.methodConfig(),
                    BridgeConfig.class);
            BridgeModel bridge = new BridgeModel(bridgeConfig, parts.vaeA().latent(),
                    config.provenance().modelShape().classes());
            bridge.initialize(manager);
            for (ParameterGroup g : bridge.groups()) {
                g.load(dir.resolve(TrainingRun.MODEL), manager);
            }
            return measure(bridge, parts, config.source(), config.target(), config.train(),
                    recorded.wallSeconds(), recorded.encodeSeconds(), recorded.codesPerSecond(),
                    recorded.transferCurve(), null, manager);
        }
    }

    /**
     * @param dir a run directory
     * @return whether it holds a bridge run (its {@code config.json} names the method)
     */
    public static boolean isBridgeRun(Path dir) {
        try {
            return METHOD.equals(Json.json().readTree(dir.resolve(TrainingRun.CONFIG).toFile())
                    .path("method").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param dir a finished bridge run
     * @return its {@code result.json}
     */
    public static Result recorded(Path dir) {
        Path file = dir.resolve(TrainingRun.RESULT);
        try {
            return Json.json().readValue(file.toFile(), Result.class);
        } catch (IOException e) {
            throw new ConfigException(file + ": not a finished bridge run's result");
        }
    }

    private static Result measure(BridgeModel bridge, Loaded parts, String source, String target,
            TrainConfig train, double wall, double encode, double rate, List<CurvePoint> curve,
            Path pictures, NDManager manager) throws IOException {
        BridgeEvaluation eval = new BridgeEvaluation(bridge,
                new BridgeEvaluation.Side(parts.vaeA(), parts.classifierA(), parts.a().test()),
                new BridgeEvaluation.Side(parts.vaeB(), parts.classifierB(), parts.b().test()),
                train.evalBatch());
        // the translation samples z′: seeded so eval --run recomputes the same numbers
        Engine.getEngine("PyTorch").setRandomSeed((int) train.seed());
        BridgeEvaluation.Transfer ab = eval.transfer(BridgeModel.A, manager);
        BridgeEvaluation.Transfer ba = eval.transfer(BridgeModel.B, manager);
        if (pictures != null) {
            eval.writePictures(pictures, ab, ba, manager);
        }
        return new Result(METHOD, source, target, train.seed(), train.steps(), ab.accuracy(),
                ba.accuracy(), eval.classifierAccuracy(BridgeModel.A, manager),
                eval.classifierAccuracy(BridgeModel.B, manager), ab.confusion(), ba.confusion(),
                "last", wall, encode, parts.records()[0].wallSeconds()
                        + parts.records()[1].wallSeconds(), rate, List.copyOf(curve));
    }

    /**
     * Measures transfer accuracy on a slice of the test sets at {@value #PROBES} evenly spaced
     * steps. It runs between steps; the next step reseeds the engine, so training is the same
     * with or without it.
     */
    private static TrainingListener probe(BridgeModel bridge, Loaded parts, TrainConfig train,
            List<CurvePoint> curve, NDManager manager) {
        int every = Math.max(1, train.steps() / PROBES);
        BridgeEvaluation slice = new BridgeEvaluation(bridge,
                new BridgeEvaluation.Side(parts.vaeA(), parts.classifierA(),
                        parts.a().test().head(PROBE_ITEMS)),
                new BridgeEvaluation.Side(parts.vaeB(), parts.classifierB(),
                        parts.b().test().head(PROBE_ITEMS)), train.evalBatch());
        return new TrainingListener() {
            @Override
            public void onStep(int step) {
                if (step % every == 0) {
                    curve.add(new CurvePoint(step, slice.transfer(BridgeModel.A, manager).accuracy(),
                            slice.transfer(BridgeModel.B, manager).accuracy()));
                }
            }
        };
    }

    /** A part the bridge needs: the option naming it, its kind and the domain it must fit. */
    private record Wanted(String option, Path dir, String kind, String data) {}

    private static Loaded load(Bases bases, String source, String target, DataRoots roots,
            NDManager manager) throws IOException {
        List<Wanted> wanted = List.of(
                new Wanted("--base-a", bases.vaeA(), PretrainRun.VAE, source),
                new Wanted("--base-b", bases.vaeB(), PretrainRun.VAE, target),
                new Wanted("--classifier-a", bases.classifierA(), PretrainRun.CLASSIFIER, source),
                new Wanted("--classifier-b", bases.classifierB(), PretrainRun.CLASSIFIER, target));
        PretrainRun.Record[] records = new PretrainRun.Record[wanted.size()];
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            Wanted w = wanted.get(i);
            if (w.dir() == null) {
                throw new ConfigException(w.option() + " is required for --method bridge");
            }
            records[i] = PretrainRun.read(w.dir(), w.kind(), w.option());
            if (!records[i].data().equals(w.data())) {
                throw new ConfigException(w.option() + " " + w.dir() + ": was trained on '"
                        + records[i].data() + "', not on '" + w.data() + "'");
            }
            parts.add(new Part(w.option(), w.dir().toAbsolutePath().normalize().toString(),
                    records[i].kind(), records[i].data(), records[i].wallSeconds(),
                    records[i].result(), digests(w.dir().resolve(TrainingRun.MODEL))));
        }
        LabelledDomain a = LabelledDomain.load(source, roots, new Downloader());
        LabelledDomain b = LabelledDomain.load(target, roots, new Downloader());
        if (a.train().classes().size() != b.train().classes().size()) {
            throw new ConfigException("--source " + source + " and --target " + target
                    + " have different numbers of classes; the bridge pairs class i with class i");
        }
        BaseVae vaeA = (BaseVae) PretrainRun.load(bases.vaeA(), records[0], manager);
        BaseVae vaeB = (BaseVae) PretrainRun.load(bases.vaeB(), records[1], manager);
        if (vaeA.latent() != vaeB.latent()) {
            throw new ConfigException("--base-a and --base-b have different latent widths ("
                    + vaeA.latent() + " and " + vaeB.latent() + ")");
        }
        return new Loaded(parts, records, a, b, vaeA, vaeB,
                (MethodModel) PretrainRun.load(bases.classifierA(), records[2], manager),
                (MethodModel) PretrainRun.load(bases.classifierB(), records[3], manager));
    }

    private static List<DataFileRecord> digests(Path model) throws IOException {
        try (Stream<Path> files = Files.list(model)) {
            return files.sorted().map(f -> new DataFileRecord(f.getFileName().toString(),
                    Checksums.sha256(f))).toList();
        }
    }

    /** Encodes a training set once with a frozen encoder: posterior means and deviations. */
    static LatentCodes encode(BaseVae vae, LabelledImages set, int batch, NDManager manager) {
        int z = vae.latent();
        int n = set.size();
        // one row per image: [μ | σ]
        float[][] rows = io.latentbridge.eval.Predictions.rows(n, batch, manager,
                (inf, from, to) -> {
                    NDArray[] q = vae.encode(inf, TrainingLoop.range(inf.manager(), set.images(),
                            from, to));
                    return q[0].concat(q[1].mul(0.5f).exp(), 1);
                });
        float[] mu = new float[n * z];
        float[] sigma = new float[n * z];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, mu, i * z, z);
            System.arraycopy(rows[i], z, sigma, i * z, z);
        }
        return new LatentCodes(z, mu, sigma, set.labels().clone());
    }
}
