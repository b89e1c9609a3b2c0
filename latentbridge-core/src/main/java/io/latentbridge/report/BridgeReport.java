package io.latentbridge.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a latent-translation (bridge) run: transfer accuracy both ways, the pretrained
 * parts, the loss terms and transfer accuracy over training, every picture of the run
 * directory, and the configuration with its provenance.
 */
public final class BridgeReport {

    /** The pictures of a bridge run, with what each shows. */
    private static final List<String[]> PICTURES = List.of(
            new String[] {"translation_a2b.png", "two test images per class (top) translated A→B (bottom)"},
            new String[] {"translation_b2a.png", "two test images per class (top) translated B→A (bottom)"},
            new String[] {"prior_samples.png", "the same prior draws z′ decoded into A (top) and B (bottom)"},
            new String[] {"interpolation.png", "per class: spherical interpolation between two A test images' shared codes, decoded into A and (next row) B"},
            new String[] {"confusion_a2b.png", "A's classifier on originals (rows) against B's classifier on their translations"},
            new String[] {"confusion_b2a.png", "B's classifier on originals (rows) against A's classifier on their translations"},
            new String[] {"transfer_accuracy.png", "transfer accuracy during training"});

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Writes {@code runDir/report.html}.
     *
     * @param runDir a finished bridge run
     * @return the report file
     * @throws IOException when a file cannot be read or written
     */
    public Path write(Path runDir) throws IOException {
        JsonNode config = json.readTree(runDir.resolve("config.json").toFile());
        JsonNode result = json.readTree(runDir.resolve("result.json").toFile());
        String a = result.path("source").asText();
        String b = result.path("target").asText();
        HtmlPage page = new HtmlPage(String.format(Locale.ROOT, "bridge: %s ↔ %s (seed %d)", a, b,
                result.path("seed").asLong()));
        page.heading("Result");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("transfer accuracy " + a + " → " + b,
                RunReport.f4(result.path("transfer_accuracy_a_to_b"))));
        rows.add(List.of("transfer accuracy " + b + " → " + a,
                RunReport.f4(result.path("transfer_accuracy_b_to_a"))));
        rows.add(List.of("classifier " + a + " on its real test images",
                RunReport.f4(result.path("classifier_accuracy_a"))));
        rows.add(List.of("classifier " + b + " on its real test images",
                RunReport.f4(result.path("classifier_accuracy_b"))));
        rows.add(List.of("model chosen by", result.path("selection").asText() + " (last step)"));
        rows.add(List.of("steps", result.path("steps").asText()));
        rows.add(List.of("bridge training wall time (s)", RunReport.f1(result.path("wall_seconds"))));
        rows.add(List.of("encoding both training sets (s)",
                RunReport.f1(result.path("encode_seconds"))));
        rows.add(List.of("the two base VAEs' training wall time (s)",
                RunReport.f1(result.path("base_vae_wall_seconds"))));
        page.table(List.of("metric", "value"), rows);

        page.heading("Pretrained parts (frozen)");
        List<List<String>> parts = new ArrayList<>();
        for (JsonNode p : config.path("parts")) {
            parts.add(List.of(p.path("option").asText(), p.path("kind").asText(),
                    p.path("data").asText(), p.path("result").toString(),
                    RunReport.f1(p.path("wall_seconds")), p.path("path").asText()));
        }
        page.table(List.of("option", "kind", "trained on", "test metrics", "wall s", "directory"),
                parts);

        page.heading("Training");
        RunReport metricsReader = new RunReport();
        Map<Integer, JsonNode> metrics = metricsReader.readMetrics(runDir.resolve("metrics.jsonl"));
        double[] steps = metrics.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        Map<String, double[]> losses = RunReport.positive(RunReport.columns(metrics,
                key -> List.of("recon", "kl", "swd", "cls", "loss").contains(key)));
        if (!losses.isEmpty()) {
            page.image(Charts.lines("Loss terms", "loss", steps, losses, true),
                    "loss per term over training (log scale, mean over each logging interval)");
        }
        page.heading("Pictures");
        for (String[] picture : PICTURES) {
            Path file = runDir.resolve(picture[0]);
            if (Files.isRegularFile(file)) {
                page.image(Files.readAllBytes(file), picture[1]);
            }
        }
        page.heading("Configuration and provenance");
        page.pre(json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(config));
        Path out = runDir.resolve(RunReport.FILE);
        page.write(out);
        return out;
    }
}
