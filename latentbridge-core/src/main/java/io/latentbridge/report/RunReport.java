package io.latentbridge.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTML report of one run directory ({@code report.html}): loss curves per term, accuracy
 * over training, the domain classifier, t-SNE by domain and by class, the confusion matrix, the
 * reliability diagram, translation grids, the selection, the resolved config and provenance.
 * Reads the run's JSON files as trees, so it depends on no training code.
 */
public final class RunReport {

    /** The report's file name inside a run directory. */
    public static final String FILE = "report.html";

    /** Metric keys that are not loss terms. */
    private static final List<String> NOT_LOSSES = List.of("phase", "step", "lr",
            "images_per_second", "elapsed_seconds", "lambda", "domain_acc", "event");

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Writes {@code runDir/report.html}.
     *
     * @param runDir a finished run with {@code analysis.json}
     * @return the report file
     * @throws IOException when a file cannot be read or written
     */
    public Path write(Path runDir) throws IOException {
        JsonNode config = json.readTree(runDir.resolve("config.json").toFile());
        JsonNode result = json.readTree(runDir.resolve("result.json").toFile());
        JsonNode analysis = json.readTree(runDir.resolve("analysis.json").toFile());
        String title = String.format(Locale.ROOT, "%s: %s → %s (seed %d)",
                result.path("method").asText(), result.path("source").asText(),
                result.path("target").asText(), result.path("seed").asLong());
        HtmlPage page = new HtmlPage(title);

        page.heading("Result");
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("target accuracy (test)", f4(result.path("target_accuracy"))));
        summary.add(List.of("source accuracy (test)", f4(result.path("source_accuracy"))));
        summary.add(List.of("model chosen by", result.path("selection").asText()
                + (result.hasNonNull("selected_step")
                        ? " (step " + result.get("selected_step").asInt() + ")" : " (last step)")));
        summary.add(List.of("steps", result.path("steps").asText()));
        summary.add(List.of("training wall time (s)", f1(result.path("wall_seconds"))));
        summary.add(List.of("proxy A-distance", f4(analysis.path("a_distance"))));
        summary.add(List.of("feature MMD²", f4(analysis.path("feature_mmd"))));
        summary.add(List.of("latent KL (plain means)", f4(analysis.path("latent_kl"))));
        if (analysis.hasNonNull("latent_kl_modulated")) {
            summary.add(List.of("latent KL (modulated means)", f4(analysis.path("latent_kl_modulated"))));
        }
        summary.add(List.of("target ECE (15 bins)", f4(analysis.at("/target_calibration/ece"))));
        if (result.hasNonNull("translation_accuracy")) {
            summary.add(List.of("t→s translation accuracy (judge)",
                    f4(result.path("translation_accuracy"))));
        }
        page.table(List.of("metric", "value"), summary);
        // warnings and resumptions the run recorded: a class collapse belongs beside the result
        for (String event : readEvents(runDir.resolve("metrics.jsonl"))) {
            page.paragraph(event);
        }

        page.heading("Training");
        Map<Integer, JsonNode> metrics = readMetrics(runDir.resolve("metrics.jsonl"));
        double[] steps = metrics.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        Map<String, double[]> losses = columns(metrics, key -> !NOT_LOSSES.contains(key));
        if (!losses.isEmpty()) {
            page.image(Charts.lines("Loss terms", "loss", steps, positive(losses), true),
                    "loss per term over training (log scale, mean over each logging interval)");
        }
        Map<String, double[]> domain = columns(metrics,
                key -> key.equals("domain_acc") || key.equals("lambda"));
        if (!domain.isEmpty()) {
            page.image(Charts.lines("Domain classifier", "value", steps, domain, false),
                    "domain-classifier accuracy (0.5 = domains indistinguishable) and GRL λ");
        }
        JsonNode candidates = result.path("candidates");
        if (candidates.isArray() && candidates.size() > 0) {
            double[] cs = new double[candidates.size()];
            double[] ta = new double[candidates.size()];
            double[] sa = new double[candidates.size()];
            for (int i = 0; i < candidates.size(); i++) {
                cs[i] = candidates.get(i).path("step").asDouble();
                ta[i] = candidates.get(i).path("target_accuracy").asDouble();
                sa[i] = candidates.get(i).path("source_accuracy").asDouble();
            }
            Map<String, double[]> acc = new LinkedHashMap<>();
            acc.put("target (test)", ta);
            acc.put("source (test)", sa);
            page.image(Charts.lines("Accuracy over training", "accuracy", cs, acc, false),
                    "test accuracy of the kept candidates (for the picture; it chose nothing)");
            selectionTable(page, candidates, result);
        } else {
            page.paragraph("Accuracy over training: not recorded by this run.");
        }

        page.heading("Features");
        JsonNode emb = analysis.path("embedding");
        if (emb.isObject()) {
            double[] x = doubles(emb.path("x"));
            double[] y = doubles(emb.path("y"));
            int[] byDomain = new int[x.length];
            int[] byClass = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                byDomain[i] = emb.path("target").get(i).asBoolean() ? 1 : 0;
                byClass[i] = emb.path("label").get(i).asInt();
            }
            page.image(Charts.scatter("t-SNE by domain", x, y, byDomain,
                    List.of(result.path("source").asText() + " (source)",
                            result.path("target").asText() + " (target)"),
                    new Color[] {new Color(0x4E79A7), new Color(0xE15759)}),
                    "t-SNE of test features, coloured by domain");
            List<String> classNames = new ArrayList<>();
            for (int c = 0; c <= java.util.Arrays.stream(byClass).max().orElse(0); c++) {
                classNames.add(String.valueOf(c));
            }
            page.image(Charts.scatter("t-SNE by class", x, y, byClass, classNames, Charts.PALETTE),
                    "t-SNE of test features, coloured by true class (labels used for the picture only)");
        }

        page.heading("Target errors and calibration");
        JsonNode confusion = analysis.at("/target_accuracy/confusion");
        if (confusion.isArray()) {
            int[][] counts = new int[confusion.size()][];
            List<String> classes = new ArrayList<>();
            for (int t = 0; t < confusion.size(); t++) {
                counts[t] = new int[confusion.get(t).size()];
                for (int p = 0; p < counts[t].length; p++) {
                    counts[t][p] = confusion.get(t).get(p).asInt();
                }
                classes.add(String.valueOf(t));
            }
            page.image(Charts.heatMap("Target confusion matrix", counts, classes),
                    "target test confusion matrix (rows: true class)");
        }
        JsonNode bins = analysis.at("/target_calibration/bins");
        if (bins.isArray()) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode b : bins) {
                if (b.path("count").asInt() > 0) {
                    points.add(new double[] {b.path("confidence").asDouble(),
                        b.path("accuracy").asDouble()});
                }
            }
            page.image(Charts.reliability("Reliability (target test)",
                    points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()),
                    "reliability diagram: accuracy against confidence, 15 bins");
        }

        for (String grid : List.of("translation_t2s.png", "translation_s2t.png")) {
            Path file = runDir.resolve(grid);
            if (Files.isRegularFile(file)) {
                if (!grid.equals("translation_s2t.png")) {
                    page.heading("Translation");
                }
                page.image(Files.readAllBytes(file), grid.contains("t2s")
                        ? "target → source: row 1 target test images, row 2 their translations"
                        : "source → target: row 1 source test images, row 2 their translations");
            }
        }

        page.heading("Configuration and provenance");
        page.pre(json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(config));
        Path out = runDir.resolve(FILE);
        page.write(out);
        return out;
    }

    private static void selectionTable(HtmlPage page, JsonNode candidates, JsonNode result) {
        List<String> protocols = new ArrayList<>();
        candidates.get(0).path("scores").fieldNames().forEachRemaining(protocols::add);
        List<String> header = new ArrayList<>(List.of("step"));
        protocols.forEach(p -> header.add(p + " score"));
        header.add("target acc. (oracle, never chooses)");
        header.add("source acc.");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : candidates) {
            List<String> row = new ArrayList<>();
            boolean chosen = c.path("step").asInt() == result.path("selected_step").asInt(-1);
            row.add(c.path("step").asText() + (chosen ? " ← chosen" : ""));
            for (String p : protocols) {
                row.add(String.format(Locale.ROOT, "%.4f", c.path("scores").path(p).asDouble()));
            }
            row.add(f4(c.path("target_accuracy")));
            row.add(f4(c.path("source_accuracy")));
            rows.add(row);
        }
        page.table(header, rows);
    }

    Map<Integer, JsonNode> readMetrics(Path file) throws IOException {
        Map<Integer, JsonNode> out = new TreeMap<>();
        for (JsonNode n : readLines(file)) {
            if ("model".equals(n.path("phase").asText()) && n.has("step")) {
                out.put(n.get("step").asInt(), n);
            }
        }
        return out;
    }

    /**
     * @param file a run's {@code metrics.jsonl}
     * @return its events in order, each as {@code [phase] event}; empty when there is no file
     * @throws IOException when the file cannot be read
     */
    List<String> readEvents(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : readLines(file)) {
            if (n.hasNonNull("event")) {
                out.add("[" + n.path("phase").asText() + "] " + n.get("event").asText());
            }
        }
        return out;
    }

    /** Every line of a JSON-lines file as a tree; none when there is no file. */
    private List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    static Map<String, double[]> columns(Map<Integer, JsonNode> metrics,
            java.util.function.Predicate<String> keep) {
        Map<String, double[]> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode n : metrics.values()) {
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (keep.test(k) && n.get(k).isNumber()) {
                    double[] col = out.computeIfAbsent(k, x -> {
                        double[] c = new double[metrics.size()];
                        java.util.Arrays.fill(c, Double.NaN);
                        return c;
                    });
                    col[i] = n.get(k).asDouble();
                }
            }
            i++;
        }
        return out;
    }

    /** A log axis needs positive values: terms that go to zero or below are left out. */
    static Map<String, double[]> positive(Map<String, double[]> series) {
        Map<String, double[]> out = new LinkedHashMap<>();
        series.forEach((k, v) -> {
            if (java.util.Arrays.stream(v).allMatch(d -> Double.isNaN(d) || d > 0)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static String f4(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.4f", n.asDouble()) : "–";
    }

    static String f1(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f", n.asDouble()) : "–";
    }
}
