package io.latentbridge.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one JSON object per logging interval to {@code metrics.jsonl}: step, every loss term
 * and diagnostic, learning rate, images/s; and one object per event (a divergence).
 */
public final class MetricsFile implements TrainingListener {

    private final Path file;
    private final String phase;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param file the {@code metrics.jsonl} file
     * @param phase what is trained ({@code model}, {@code judge}), written into every line
     */
    public MetricsFile(Path file, String phase) {
        this.file = file;
        this.phase = phase;
    }

    @Override
    public void onLog(StepLog log) {
        ObjectNode line = mapper.createObjectNode();
        line.put("phase", phase);
        line.put("step", log.step());
        log.values().forEach(line::put);
        line.put("lr", log.lr());
        line.put("images_per_second", log.imagesPerSecond());
        line.put("elapsed_seconds", log.elapsedSeconds());
        append(line);
    }

    @Override
    public void onEvent(String event) {
        ObjectNode line = mapper.createObjectNode();
        line.put("phase", phase);
        line.put("event", event);
        append(line);
    }

    private void append(ObjectNode line) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(mapper.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append metrics", e);
        }
    }
}
