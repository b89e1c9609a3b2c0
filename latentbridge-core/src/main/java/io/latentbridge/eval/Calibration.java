package io.latentbridge.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected calibration error and the reliability diagram's bins: predictions are grouped by
 * confidence into equal-width bins over [0, 1];
 * {@code ECE = Σ_b (n_b / N)·|accuracy_b − confidence_b|}.
 */
public final class Calibration {

    private Calibration() {}

    /**
     * One bin of the reliability diagram.
     *
     * @param lower lower edge (inclusive, except the first bin, which includes 0)
     * @param upper upper edge (inclusive)
     * @param count predictions in the bin
     * @param accuracy fraction correct among them (0 when empty)
     * @param confidence mean confidence among them (0 when empty)
     */
    public record Bin(double lower, double upper, int count, double accuracy, double confidence) {}

    /**
     * @param ece the expected calibration error
     * @param bins the bins
     */
    public record Report(double ece, List<Bin> bins) {}

    /**
     * @param confidence each prediction's confidence (its top softmax probability)
     * @param correct whether each prediction is right
     * @param binCount number of bins (15 is the usual choice)
     * @return ECE and bins
     */
    public static Report of(double[] confidence, boolean[] correct, int binCount) {
        int[] count = new int[binCount];
        double[] right = new double[binCount];
        double[] conf = new double[binCount];
        for (int i = 0; i < confidence.length; i++) {
            // (lower, upper] bins; a confidence of exactly 0 goes to the first
            int b = Math.min(binCount - 1, Math.max(0, (int) Math.ceil(confidence[i] * binCount) - 1));
            count[b]++;
            right[b] += correct[i] ? 1 : 0;
            conf[b] += confidence[i];
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double acc = count[b] == 0 ? 0 : right[b] / count[b];
            double c = count[b] == 0 ? 0 : conf[b] / count[b];
            ece += (double) count[b] / confidence.length * Math.abs(acc - c);
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], acc, c));
        }
        return new Report(ece, bins);
    }
}
