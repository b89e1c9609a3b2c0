package io.latentbridge.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The HTML report of a benchmark grid ({@code report.html} beside {@code table.csv}): mean ±
 * std per method and task as bars, the table, and every run's result with a link to its own
 * report when one exists.
 */
public final class BenchmarkReport {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Writes {@code gridDir/report.html}.
     *
     * @param gridDir a benchmark directory with {@code table.csv}
     * @return the report file
     * @throws IOException when a file cannot be read or written
     */
    public Path write(Path gridDir) throws IOException {
        List<String> lines = Files.readAllLines(gridDir.resolve("table.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int method = header.indexOf("method");
        int task = header.indexOf("task");
        int mean = header.indexOf("mean");
        int std = header.indexOf("std");
        LinkedHashSet<String> methods = new LinkedHashSet<>();
        Map<String, Map<String, double[]>> byTask = new LinkedHashMap<>();
        List<List<String>> table = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            methods.add(c[method]);
            byTask.computeIfAbsent(c[task], k -> new LinkedHashMap<>()).put(c[method],
                    new double[] {parse(c[mean]), parse(c[std])});
            table.add(List.of(c));
        }
        List<String> categories = new ArrayList<>(methods);
        Map<String, double[][]> series = new LinkedHashMap<>();
        byTask.forEach((t, values) -> {
            double[][] ms = new double[2][categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                double[] v = values.getOrDefault(categories.get(i), new double[] {0, 0});
                ms[0][i] = Double.isNaN(v[0]) ? 0 : v[0];
                ms[1][i] = Double.isNaN(v[1]) ? 0 : v[1];
            }
            series.put(t.replace(":", " → "), ms);
        });
        HtmlPage page = new HtmlPage("Benchmark: " + gridDir.getFileName());
        page.image(Charts.bars("Target accuracy, mean ± std over seeds", categories, series),
                "target test accuracy per method and task (error bars: sample std over seeds)");
        page.heading("Table");
        page.table(header, table);
        page.heading("Runs");
        List<List<String>> runs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(gridDir, 4)) {
            for (Path result : walk.filter(p -> p.getFileName().toString().equals("result.json"))
                    .sorted().toList()) {
                JsonNode r = json.readTree(result.toFile());
                Path dir = result.getParent();
                boolean hasReport = Files.isRegularFile(dir.resolve(RunReport.FILE));
                runs.add(List.of(gridDir.relativize(dir).toString(), r.path("method").asText(),
                        r.path("source").asText() + " → " + r.path("target").asText(),
                        r.path("seed").asText(), RunReport.f4(r.path("target_accuracy")),
                        RunReport.f4(r.path("source_accuracy")), r.path("selection").asText(),
                        hasReport ? gridDir.relativize(dir.resolve(RunReport.FILE)).toString() : "–"));
            }
        }
        page.table(List.of("run", "method", "task", "seed", "target acc.", "source acc.",
                "selection", "report"), runs);
        Path out = gridDir.resolve(RunReport.FILE);
        page.write(out);
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
