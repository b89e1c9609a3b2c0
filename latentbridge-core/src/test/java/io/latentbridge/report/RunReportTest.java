package io.latentbridge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheRunsEventsInOrderAndSkipsTheMetrics() throws Exception {
        Path metrics = tmp.resolve("metrics.jsonl");
        Files.writeString(metrics, String.join("\n",
                "{\"phase\":\"model\",\"event\":\"resumed from the checkpoint of step 40\"}",
                "{\"phase\":\"model\",\"step\":50,\"loss\":0.7}",
                "{\"phase\":\"judge\",\"step\":10,\"cls\":0.3}",
                "{\"phase\":\"model\",\"event\":\"warning: a class collapse?\"}") + "\n");
        assertThat(new RunReport().readEvents(metrics)).containsExactly(
                "[model] resumed from the checkpoint of step 40",
                "[model] warning: a class collapse?");
        assertThat(new RunReport().readEvents(tmp.resolve("absent.jsonl"))).isEmpty();
    }
}
