package io.latentbridge.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.EvaluationImages;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledDomain;
import io.latentbridge.eval.Predictions;
import io.latentbridge.method.bridge.BaseVae;
import io.latentbridge.method.bridge.BaseVaeConfig;
import io.latentbridge.method.sourceonly.SourceOnly;
import io.latentbridge.method.sourceonly.SourceOnlyConfig;
import io.latentbridge.report.ImageGrid;
import io.latentbridge.train.ConfigSchema;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.Inference;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.MetricsFile;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.TrainConfig;
import io.latentbridge.train.Trainable;
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

/**
 * Pretrains a base model on one labelled domain through the one {@link TrainingLoop}: a VAE
 * (the generative model latent translation bridges) or a classifier (which only evaluates
 * translations). The directory holds {@code pretrained.json} (written last: kind, data,
 * configuration, provenance, test metrics, wall time), {@code metrics.jsonl}, {@code model/}
 * and, for a VAE, {@code reconstructions.png} and {@code samples.png}.
 */
public final class PretrainRun {

    /** The record of a pretrained model, written last. */
    public static final String FILE = "pretrained.json";

    /** Kind of a pretrained VAE. */
    public static final String VAE = "vae";
    /** Kind of a pretrained classifier. */
    public static final String CLASSIFIER = "classifier";

    /** The VAE's settings: the authors' model, Adam 1e-3, batch 128, 10,000 steps. */
    public static final ConfigSchema<BaseVaeConfig> VAE_SCHEMA = ConfigSchema.of(VAE,
            BaseVaeConfig.class, BaseVaeConfig.DEFAULT, plain(10_000, 128));

    /** The classifier's settings: the shared conv backbone, batch 64, 3,000 steps. */
    public static final ConfigSchema<SourceOnlyConfig> CLASSIFIER_SCHEMA = ConfigSchema.of(
            CLASSIFIER, SourceOnlyConfig.class, SourceOnlyConfig.DEFAULT, plain(3_000, 64));

    /** Training settings without jitter, a constant learning rate and no judge. */
    private static TrainConfig plain(int steps, int batch) {
        return new TrainConfig(steps, batch, 1e-3, "constant", "adam", 1, 100, 0, 1000, 0, 0, 0,
                0, 2, "stop", "last", 5, 1000, 0.0);
    }

    /**
     * The content of {@code pretrained.json}.
     *
     * @param kind {@link #VAE} or {@link #CLASSIFIER}
     * @param data the domain it was trained on
     * @param train the training settings
     * @param config the model's settings
     * @param provenance where it came from
     * @param result test metrics ({@code accuracy}; or {@code recon_mse}, {@code neg_elbo})
     * @param wallSeconds training wall time
     */
    public record Record(String kind, String data, TrainConfig train, JsonNode config,
            Provenance provenance, Map<String, Double> result, double wallSeconds) {}

    /**
     * What to pretrain.
     *
     * @param kind {@link #VAE} or {@link #CLASSIFIER}
     * @param data the domain
     * @param config the resolved settings
     * @param out the directory
     * @param roots where data is
     * @param engine the engine in use
     */
    public record Request(String kind, String data, ConfigResolver.Resolved config, Path out,
            DataRoots roots, EngineInfo engine) {}

    private final Function<String, List<TrainingListener>> progress;

    /** @param progress makes the progress listeners of the training phase */
    public PretrainRun(Function<String, List<TrainingListener>> progress) {
        this.progress = progress;
    }

    /**
     * @param kind a kind given by the user
     * @return its settings
     */
    public static ConfigSchema<?> schema(String kind) {
        return switch (kind) {
            case VAE -> VAE_SCHEMA;
            case CLASSIFIER -> CLASSIFIER_SCHEMA;
            default -> throw new ConfigException("unknown pretrained model kind '" + kind
                    + "' (known: vae, classifier)");
        };
    }

    /**
     * Pretrains and writes the directory.
     *
     * @param request what to pretrain
     * @return the record, also written to {@code pretrained.json}
     * @throws IOException when the directory cannot be written
     */
    public Record run(Request request) throws IOException {
        Path out = request.out();
        if (Files.exists(out.resolve(FILE))) {
            throw new ConfigException(out + ": already holds a pretrained model (choose another --out)");
        }
        LabelledDomain domain = LabelledDomain.load(request.data(), request.roots(), new Downloader());
        TrainingRun.createWritable(out);
        TrainConfig train = request.config().train();
        ModelShape shape = new ModelShape(domain.channels(), domain.size(),
                domain.train().classes().size());
        Provenance provenance = new Provenance(Provenance.version(), Provenance.commit(),
                System.getProperty("java.version"), request.engine(), train.seed(), shape,
                domain.files());
        Files.deleteIfExists(out.resolve(TrainingRun.METRICS));
        try (NDManager manager = NDManager.newBaseManager(request.engine().toDevice())) {
            Trainable model = create(request.kind(), request.config().method(), shape);
            List<TrainingListener> listeners = new ArrayList<>(progress.apply(request.kind()));
            listeners.add(new MetricsFile(out.resolve(TrainingRun.METRICS), request.kind()));
            TrainingLoop loop = new TrainingLoop(train, listeners);
            loop.initialize(model, manager);
            TrainingLoop.Summary summary = loop.train(model, domain.train(), null, manager,
                    request.kind() + " " + request.data());
            for (ParameterGroup g : model.groups()) {
                g.save(out.resolve(TrainingRun.MODEL));
            }
            Map<String, Double> result = model instanceof BaseVae vae
                    ? measureVae(vae, domain.test(), train, out, manager)
                    : Map.of("accuracy", Predictions.evaluate((MethodModel) model, domain.test(),
                            train.evalBatch(), manager).accuracy());
            Record record = new Record(request.kind(), request.data(), train,
                    Json.json().valueToTree(request.config().method()), provenance, result,
                    summary.wallSeconds());
            Json.write(out.resolve(FILE), record);
            return record;
        }
    }

    private static Trainable create(String kind, java.lang.Record config, ModelShape shape) {
        return VAE.equals(kind)
                ? new BaseVae((BaseVaeConfig) config, shape.channels(), shape.size())
                : SourceOnly.METHOD.create((SourceOnlyConfig) config, shape);
    }

    /**
     * Test metrics of a VAE (posterior means, no sampling) and its two pictures: test images
     * over their reconstructions, and decoded prior samples.
     */
    private static Map<String, Double> measureVae(BaseVae vae, EvaluationImages test,
            TrainConfig train, Path out, NDManager manager) throws IOException {
        ImageSet images = test.images();
        double squared = 0;
        double kl = 0;
        for (int from = 0; from < images.count(); from += train.evalBatch()) {
            int to = Math.min(images.count(), from + train.evalBatch());
            try (NDManager scope = manager.newSubManager()) {
                Inference inf = new Inference(scope);
                NDArray x = TrainingLoop.range(scope, images, from, to);
                NDArray[] q = vae.encode(inf, x);
                squared += vae.decode(inf, q[0]).sub(x).square().sum().getFloat();
                kl += io.latentbridge.loss.Losses.gaussianKl(q[0], q[1]).getFloat() * (to - from);
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("recon_mse", squared / ((double) images.count() * images.imageSize()));
        result.put("kl", kl / images.count());
        try (NDManager scope = manager.newSubManager()) {
            Inference inf = new Inference(scope);
            ImageSet head = images.head(20);
            NDArray x = TrainingLoop.range(scope, head, 0, head.count());
            ImageSet rebuilt = TrainingLoop.imageSet(vae.decode(inf, vae.encode(inf, x)[0]));
            ImageGrid.write(List.of(head, rebuilt), 3, out.resolve("reconstructions.png"));
            ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) train.seed());
            List<ImageSet> rows = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                rows.add(TrainingLoop.imageSet(vae.decode(inf,
                        scope.randomNormal(new ai.djl.ndarray.types.Shape(20, vae.latent())))));
            }
            ImageGrid.write(rows, 3, out.resolve("samples.png"));
        }
        return result;
    }


    /**
     * Reads and checks a pretrained model's record.
     *
     * @param dir its directory
     * @param kind the kind expected
     * @param option the option that named it, for messages
     * @return the record
     */
    public static Record read(Path dir, String kind, String option) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(option + " " + dir + ": not a pretrained model (no " + FILE
                    + "; make one with: latentbridge pretrain " + kind + ")");
        }
        Record record;
        try {
            record = Json.json().readValue(file.toFile(), Record.class);
        } catch (IOException e) {
            throw new ConfigException(file + ": not a readable pretrained-model record");
        }
        if (!kind.equals(record.kind())) {
            throw new ConfigException(option + " " + dir + ": holds a pretrained " + record.kind()
                    + ", not a " + kind);
        }
        return record;
    }

    /**
     * Loads a pretrained model, frozen: its parameters take no gradient.
     *
     * @param dir its directory
     * @param record its record (from {@link #read})
     * @param manager owner of the parameters
     * @return the model
     * @throws IOException when its parameters cannot be read
     */
    public static Trainable load(Path dir, Record record, NDManager manager) throws IOException {
        Trainable model = create(record.kind(), Json.json().treeToValue(record.config(),
                schema(record.kind()).configType()), record.provenance().modelShape());
        model.initialize(manager);
        for (ParameterGroup g : model.groups()) {
            g.load(dir.resolve(TrainingRun.MODEL), manager);
            g.blocks().values().forEach(b -> b.freezeParameters(true));
        }
        return model;
    }
}
