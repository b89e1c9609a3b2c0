package io.latentbridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import io.latentbridge.TestData;
import io.latentbridge.data.Checksums;
import io.latentbridge.data.DataRoots;
import io.latentbridge.method.bridge.BaseVae;
import io.latentbridge.method.bridge.BaseVaeConfig;
import io.latentbridge.method.bridge.BridgeConfig;
import io.latentbridge.method.bridge.BridgeModel;
import io.latentbridge.method.sourceonly.SourceOnlyConfig;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.EngineRuntime;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latent translation end to end on the real MNIST and Fashion-MNIST, with tiny models. */
class BridgeRunTest {

    @TempDir
    static Path dir;

    private static EngineInfo engine;
    private static DataRoots roots;

    private static TrainConfig brief(int steps, int batch) {
        return new TrainConfig(steps, batch, 1e-3, "constant", "adam", 2, 10, 0, 1000, 0, 0, 0,
                0, 2, "stop", "last", 5, 1000, 0.0);
    }

    private static void pretrain(String kind, String data, Record config, int steps)
            throws Exception {
        new PretrainRun(phase -> List.of()).run(new PretrainRun.Request(kind, data,
                new ConfigResolver.Resolved(brief(steps, 32), config),
                dir.resolve(kind + "-" + data), roots, engine));
    }

    @BeforeAll
    static void pretrainTheParts() throws Exception {
        engine = EngineRuntime.start(null, 0);
        roots = new DataRoots(TestData.root(), null, null, false);
        BaseVaeConfig tinyVae = new BaseVaeConfig(64, 1, 6, 0.1, 1.0);
        for (String data : List.of("mnist", "fashion-mnist")) {
            pretrain(PretrainRun.VAE, data, tinyVae, 40);
            pretrain(PretrainRun.CLASSIFIER, data, new SourceOnlyConfig(32, 16), 40);
        }
    }

    private static BridgeRun.Bases bases() {
        return new BridgeRun.Bases(dir.resolve("vae-mnist"), dir.resolve("vae-fashion-mnist"),
                dir.resolve("classifier-mnist"), dir.resolve("classifier-fashion-mnist"));
    }

    private static Map<String, String> digests(Path model) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.list(model)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Checksums.sha256(f));
            }
        }
        return out;
    }

    @Test
    void trainsMeasuresAndReloadsABridge() throws Exception {
        Map<String, String> before = digests(dir.resolve("vae-mnist").resolve("model"));
        Path out = dir.resolve("run");
        BridgeConfig small = new BridgeConfig(4, 32, 1, 0.005, 1.0, 0.05, 4, true);
        BridgeRun.Result r = new BridgeRun(phase -> List.of()).run(new BridgeRun.Request(
                new ConfigResolver.Resolved(brief(60, 50), small), "mnist", "fashion-mnist",
                bases(), out, roots, engine));

        for (String f : List.of("config.json", "metrics.jsonl", "result.json",
                "translation_a2b.png", "translation_b2a.png", "prior_samples.png",
                "interpolation.png", "confusion_a2b.png", "confusion_b2a.png",
                "transfer_accuracy.png",
                "model/bridge-classifier.params")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(r.transferAccuracyAToB()).isBetween(0.0, 1.0);
        assertThat(r.transferAccuracyBToA()).isBetween(0.0, 1.0);
        assertThat(java.util.Arrays.stream(r.confusionAToB()).flatMapToInt(java.util.Arrays::stream)
                .sum()).isEqualTo(10_000);
        assertThat(r.baseVaeWallSeconds()).isPositive();
        assertThat(r.transferCurve()).extracting(BridgeRun.CurvePoint::step)
                .containsExactly(6, 12, 18, 24, 30, 36, 42, 48, 54, 60);
        JsonNode config = Json.json().readTree(out.resolve("config.json").toFile());
        assertThat(config.path("parts")).hasSize(4);
        assertThat(config.path("parts").get(0).path("parameters").get(0).path("sha256").asText())
                .hasSize(64);

        // the loss falls: the first logged interval against the last
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        double first = Json.json().readTree(lines.get(0)).path("loss").asDouble();
        double last = Json.json().readTree(lines.get(lines.size() - 1)).path("loss").asDouble();
        assertThat(last).isLessThan(first);

        // the frozen base model's files are untouched, and eval recomputes the result exactly
        assertThat(digests(dir.resolve("vae-mnist").resolve("model"))).isEqualTo(before);
        BridgeRun.Result again = BridgeRun.evaluate(out, roots, engine);
        assertThat(again.transferAccuracyAToB()).isEqualTo(r.transferAccuracyAToB());
        assertThat(again.transferAccuracyBToA()).isEqualTo(r.transferAccuracyBToA());
        assertThat(BridgeRun.isBridgeRun(out)).isTrue();

        // the report embeds the loss chart and all seven pictures
        String html = Files.readString(new io.latentbridge.report.BridgeReport().write(out));
        assertThat(html).contains("transfer accuracy mnist → fashion-mnist");
        assertThat(html.split("data:image/png", -1)).hasSize(1 + 1 + 7);
    }

    @Test
    void frozenBaseModelsReceiveNoGradient() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            BaseVae vae = (BaseVae) PretrainRun.load(dir.resolve("vae-fashion-mnist"),
                    PretrainRun.read(dir.resolve("vae-fashion-mnist"), PretrainRun.VAE, "--base-b"),
                    m);
            List<Pair<String, Parameter>> frozen = new ArrayList<>();
            for (ParameterGroup g : vae.groups()) {
                frozen.addAll(g.parameters());
            }
            BridgeModel bridge = new BridgeModel(new BridgeConfig(4, 16, 1, 0, 0, 0, 1, true),
                    vae.latent(), 10);
            bridge.initialize(m);
            float[] weight = frozen.get(0).getValue().getArray().toFloatArray();
            ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(m, false);
            io.latentbridge.nn.Forward training = (block, x) -> block.forward(store,
                    new ai.djl.ndarray.NDList(x), true).singletonOrThrow();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // a loss through the frozen decoder: only the bridge may learn from it
                NDArray z = m.randomNormal(new ai.djl.ndarray.types.Shape(5, 4));
                NDArray images = vae.decode(training, bridge.decode(training, z, BridgeModel.B));
                gc.backward(images.sum());
            }
            for (Pair<String, Parameter> p : frozen) {
                assertThat(p.getValue().requiresGradient()).as(p.getKey()).isFalse();
                assertThat(p.getValue().getArray().hasGradient()).as(p.getKey()).isFalse();
            }
            assertThat(frozen.get(0).getValue().getArray().toFloatArray()).containsExactly(weight);
            Parameter bridgeWeight = bridge.groups().get(0).parameters().stream()
                    .filter(p -> p.getKey().startsWith("decoder_")).findFirst().orElseThrow()
                    .getValue();
            assertThat(bridgeWeight.getArray().getGradient().abs().sum().getFloat()).isPositive();
        }
    }

    @Test
    void wrongPartsAreOneLineErrorsNamingTheOption() {
        BridgeRun run = new BridgeRun(phase -> List.of());
        BridgeConfig small = new BridgeConfig(4, 32, 1, 0.005, 1.0, 0.05, 4, true);
        BridgeRun.Bases swapped = new BridgeRun.Bases(dir.resolve("classifier-mnist"),
                dir.resolve("vae-fashion-mnist"), dir.resolve("classifier-mnist"),
                dir.resolve("classifier-fashion-mnist"));
        assertThatThrownBy(() -> run.run(new BridgeRun.Request(
                new ConfigResolver.Resolved(brief(5, 50), small), "mnist", "fashion-mnist",
                swapped, dir.resolve("bad1"), roots, engine)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--base-a").hasMessageContaining("not a vae");
        assertThatThrownBy(() -> run.run(new BridgeRun.Request(
                new ConfigResolver.Resolved(brief(5, 50), small), "fashion-mnist", "mnist",
                bases(), dir.resolve("bad2"), roots, engine)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--base-a").hasMessageContaining("trained on 'mnist'");
        assertThat(dir.resolve("bad1")).doesNotExist();
        assertThat(dir.resolve("bad2")).doesNotExist();
    }
}
