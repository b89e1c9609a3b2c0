package io.latentbridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionComparisonTest {

    @TempDir
    Path tmp;

    private static RunResult.Candidate candidate(int step, double a, double b, double target) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("a", a);
        scores.put("b", b);
        return new RunResult.Candidate(step, scores, target, 0.99);
    }

    private static RunResult run(List<RunResult.Candidate> candidates) {
        return new RunResult("dann", "mnist", "usps", 1, 30, 0.5, 0.99, Map.of(), new int[0][0],
                null, null, "a", 1, 1, 10, candidates);
    }

    @Test
    void replaysEachProtocolsChoiceAndMeasuresItsGapToTheOracle() {
        // run 1: protocol a picks step 10 (0.80), b ties at 20 and 30 and takes the later (0.70);
        // the last is 0.70 and the oracle is step 20 (0.90)
        RunResult one = run(List.of(candidate(10, 3, 1, 0.80), candidate(20, 2, 5, 0.90),
                candidate(30, 1, 5, 0.70)));
        // run 2: a picks 30 (0.60), b picks 10 (0.65); oracle 0.65
        RunResult two = run(List.of(candidate(10, 0, 9, 0.65), candidate(20, 1, 2, 0.50),
                candidate(30, 2, 1, 0.60)));
        RunResult unscored = run(List.of());
        SelectionComparison c = SelectionComparison.of(List.of(one, two, unscored));

        assertThat(c.runs()).isEqualTo(2);
        assertThat(c.entries()).extracting(SelectionComparison.Entry::protocol)
                .containsExactly("last", "a", "b");
        SelectionComparison.Entry last = c.entries().get(0);
        SelectionComparison.Entry a = c.entries().get(1);
        SelectionComparison.Entry b = c.entries().get(2);
        assertThat(last.meanAccuracy()).isCloseTo((0.70 + 0.60) / 2, within(1e-12));
        assertThat(a.meanAccuracy()).isCloseTo((0.80 + 0.60) / 2, within(1e-12));
        assertThat(b.meanAccuracy()).isCloseTo((0.70 + 0.65) / 2, within(1e-12));
        assertThat(a.meanGap()).isCloseTo(((0.90 - 0.80) + (0.65 - 0.60)) / 2, within(1e-12));
        assertThat(b.meanGap()).isCloseTo(((0.90 - 0.70) + 0) / 2, within(1e-12));
        // best choice per run: a in run 1, b in run 2
        assertThat(a.closest()).isEqualTo(1);
        assertThat(b.closest()).isEqualTo(1);
        assertThat(last.closest()).isZero();
        assertThat(c.markdown()).contains("| a | 0.7000 | 0.0750 | 1 of 2 |");
    }

    @Test
    void tablesGainDistanceColumnsAndTheSelectionSectionOnlyWhenThereIsSomethingToShow()
            throws Exception {
        Benchmark.Row plain = new Benchmark.Row("dann", "mnist:usps", List.of(0.9), 0.9, 0, "last",
                10, 1, List.of(0.95), List.of(), List.of(), List.of(), List.of());
        Benchmark.writeTables(List.of(plain), SelectionComparison.of(List.of()), tmp);
        String md = Files.readString(tmp.resolve("table.md"));
        assertThat(md).doesNotContain("A-distance").doesNotContain("Label-free selection");

        Benchmark.Row cdlm = new Benchmark.Row("cdlm", "mnist:usps", List.of(0.9, 0.8), 0.85,
                0.07, "snd", 10, 1, List.of(0.95, 0.9), List.of(1.5, 1.7), List.of(4.0, 6.0),
                List.of(2.0, 3.0), List.of());
        RunResult scored = run(List.of(candidate(10, 1, 1, 0.8)));
        Benchmark.writeTables(List.of(plain, cdlm), SelectionComparison.of(List.of(scored)), tmp);
        md = Files.readString(tmp.resolve("table.md"));
        assertThat(md).contains("proxy A-distance | latent KL |")
                .contains("| 1.600 | 5.00 → 2.50 modulated |")
                .contains("### Label-free selection against the oracle (1 runs)");
        List<String> csv = Files.readAllLines(tmp.resolve("table.csv"));
        assertThat(csv.get(0)).endsWith("oracle_mean,a_distance_mean,latent_kl_mean,"
                + "latent_kl_modulated_mean,diverged");
        assertThat(csv.get(2)).endsWith(",0.925000,1.600000,5.000000,2.500000,0");
    }
}
