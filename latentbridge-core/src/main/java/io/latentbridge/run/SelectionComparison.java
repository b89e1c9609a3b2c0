package io.latentbridge.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How close each label-free selection protocol came to the target-label oracle on a set of
 * finished runs. Runs trained with {@code --select P} record every candidate's score under every
 * protocol and, for reporting only, its target test accuracy; here each protocol's choice is
 * replayed (highest score, ties to the later candidate, as {@link
 * io.latentbridge.eval.Selection} chooses) and compared with the last candidate and the best
 * one by target labels.
 *
 * @param runs the number of runs compared
 * @param entries one per protocol, {@code last} first
 */
public record SelectionComparison(int runs, List<Entry> entries) {

    /**
     * One protocol over the runs.
     *
     * @param protocol {@code last} or a validator's name
     * @param meanAccuracy mean target accuracy of the candidates it chose
     * @param meanGap mean shortfall from the oracle (best candidate by target labels)
     * @param closest in how many runs its choice was as good as any protocol's
     */
    public record Entry(String protocol, double meanAccuracy, double meanGap, int closest) {}

    /**
     * @param results finished runs; those without candidate scores are left out
     * @return the comparison; {@code runs() == 0} when no run has scores
     */
    public static SelectionComparison of(List<RunResult> results) {
        List<RunResult> scored = results.stream()
                .filter(r -> r.candidates() != null && !r.candidates().isEmpty()
                        && r.candidates().get(0).scores() != null
                        && !r.candidates().get(0).scores().isEmpty())
                .toList();
        if (scored.isEmpty()) {
            return new SelectionComparison(0, List.of());
        }
        Set<String> protocols = new LinkedHashSet<>();
        protocols.add("last");
        protocols.addAll(scored.get(0).candidates().get(0).scores().keySet());
        List<String> names = List.copyOf(protocols);
        double[][] chosen = new double[scored.size()][names.size()];
        double[] oracle = new double[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            List<RunResult.Candidate> cands = scored.get(i).candidates().stream()
                    .sorted(Comparator.comparingInt(RunResult.Candidate::step)).toList();
            oracle[i] = cands.stream().mapToDouble(RunResult.Candidate::targetAccuracy).max()
                    .orElseThrow();
            for (int p = 0; p < names.size(); p++) {
                RunResult.Candidate best = cands.get(cands.size() - 1);
                if (!names.get(p).equals("last")) {
                    best = null;
                    for (RunResult.Candidate c : cands) {
                        if (best == null || c.scores().get(names.get(p))
                                >= best.scores().get(names.get(p))) {
                            best = c;
                        }
                    }
                }
                chosen[i][p] = best.targetAccuracy();
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            double acc = 0;
            double gap = 0;
            int closest = 0;
            for (int i = 0; i < scored.size(); i++) {
                acc += chosen[i][p];
                gap += oracle[i] - chosen[i][p];
                double bestOfAll = java.util.Arrays.stream(chosen[i]).max().orElseThrow();
                closest += chosen[i][p] >= bestOfAll - 1e-12 ? 1 : 0;
            }
            entries.add(new Entry(names.get(p), acc / scored.size(), gap / scored.size(), closest));
        }
        return new SelectionComparison(scored.size(), List.copyOf(entries));
    }

    /** @return the comparison as a markdown table, or an empty string when there are no runs */
    public String markdown() {
        if (runs == 0) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append("| protocol | mean target acc. of its choice | mean gap to the oracle"
                + " | runs where it chose best |\n|---|---|---|---|\n");
        for (Entry e : entries) {
            md.append(String.format(java.util.Locale.ROOT, "| %s | %.4f | %.4f | %d of %d |%n",
                    e.protocol(), e.meanAccuracy(), e.meanGap(), e.closest(), runs));
        }
        return md.toString();
    }
}
