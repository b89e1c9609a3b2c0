package io.latentbridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbridge.TestData;
import io.latentbridge.data.DataRoots;
import io.latentbridge.method.cdlm.Cdlm;
import io.latentbridge.method.cdlm.CdlmConfig;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.EngineRuntime;
import io.latentbridge.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CDLM end to end on a short schedule: the loss falls and every run file is written and reloads. */
class TrainingRunTest {

    @TempDir
    Path tmp;

    @Test
    void shortCdlmRunWritesAReloadableRunDirectory() throws Exception {
        EngineInfo engine = EngineRuntime.start(null, 0);
        // small and fast: 120 steps of 32 images per domain, a narrower network
        TrainConfig train = TrainConfig.of(120, 32, 1e-3, "constant", "adam", 5, 20, 40, 500);
        CdlmConfig cdlm = new CdlmConfig(128, 16, "noise", "standardize", "modulated",
                1.0, 1.0, 0.1, 10.0, 1.0, 1.0, 6.0, 0.0, "h", 0.0, 0.0, 0.0, 0.95, "none", 0.0);
        Path out = tmp.resolve("run");
        RunResult r = new TrainingRun(phase -> List.of()).run(new TrainingRun.Request(Cdlm.METHOD,
                new ConfigResolver.Resolved(train, cdlm), "mnist", "usps", out,
                new DataRoots(TestData.root(), null, null, false), engine, null, io.latentbridge.data.Task.Options.DEFAULT));

        for (String f : List.of("config.json", "metrics.jsonl", "result.json",
                "translation_t2s.png", "translation_s2t.png", "model/cdlm-encoder.params",
                "model/judge/source_only-encoder.params")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        assertThat(r.targetAccuracy()).isBetween(0.0, 1.0);
        assertThat(r.sourceAccuracy()).isGreaterThan(0.5); // 120 steps learn MNIST well past chance
        assertThat(r.translationAccuracy()).isNotNull();
        assertThat(r.selection()).isEqualTo("last");

        ObjectMapper json = new ObjectMapper();
        List<Double> losses = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.get("phase").asText().equals("model")) {
                losses.add(n.get("loss").asDouble());
                assertThat(n.has("rec") && n.has("kl") && n.has("cons") && n.has("cls")
                        && n.has("adv") && n.has("lambda") && n.has("domain_acc")
                        && n.has("lr") && n.has("images_per_second")).isTrue();
            }
        }
        assertThat(losses).hasSize(6);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.8);

        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertThat(config.at("/provenance/data_files")).hasSize(6);
        assertThat(config.at("/provenance/engine/version").asText()).isEqualTo("2.7.1");
        assertThat(config.at("/provenance/engine/device").asText()).isEqualTo("cpu");
        assertThat(config.at("/method_config/modulation").asText()).isEqualTo("noise");

        RunEvaluation.Outcome o = new RunEvaluation().evaluate(out,
                new DataRoots(TestData.root(), null, null, false), engine.toDevice());
        assertThat(o.mismatches()).isEmpty();
        // eval repeats training's collapse check on the reloaded model: this run printed none
        assertThat(o.collapseWarning()).isNull();
        assertThat(o.recomputed().targetAccuracy()).isEqualTo(r.targetAccuracy());
        JsonNode analysis = json.readTree(out.resolve("analysis.json").toFile());
        assertThat(analysis.get("a_distance").asDouble()).isBetween(0.0, 2.0);
        assertThat(analysis.get("latent_kl_modulated").isNumber()).isTrue();
        assertThat(analysis.at("/target_calibration/bins")).hasSize(15);
        assertThat(analysis.at("/target_accuracy/accuracy").asDouble()).isEqualTo(r.targetAccuracy());
        assertThat(analysis.at("/embedding/x")).hasSize(1000);

        // the HTML report, opened in a real browser: every chart and grid must load
        Path page = new io.latentbridge.report.RunReport().write(out);
        String html = Files.readString(page);
        assertThat(html).contains("loss per term", "t-SNE", "confusion", "reliability diagram",
                "target → source", "provenance");
        var chromium = io.latentbridge.report.HeadlessChromium.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it"
                        + " where it can): the browser check of the report is skipped");
        int[] images = io.latentbridge.report.HeadlessChromium.images(chromium.get(), page);
        assertThat(images[1]).as("images on the page").isGreaterThanOrEqualTo(9);
        assertThat(images[0]).as("images that loaded").isEqualTo(images[1]);
    }
}
