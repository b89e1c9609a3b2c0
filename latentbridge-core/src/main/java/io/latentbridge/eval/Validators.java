package io.latentbridge.eval;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The label-free checkpoint validators:
 * <ul>
 *   <li>{@code source-val}: accuracy on a held-out slice of the source training split;</li>
 *   <li>{@code iwv}, importance-weighted validation (Sugiyama et al. 2007): the source
 *       validation loss weighted by w(x) = p_t(x)/p_s(x), estimated by a logistic domain
 *       classifier on the features;</li>
 *   <li>{@code dev}, deep embedded validation (You et al. 2019): the same weighted loss with the
 *       control variate that lowers its variance;</li>
 *   <li>{@code snd}, soft neighbourhood density (Saito et al. 2021): the mean entropy of each
 *       target prediction's softmax similarity to the other target predictions (temperature
 *       0.05) — dense, consistent neighbourhoods score high.</li>
 * </ul>
 */
public final class Validators {

    private Validators() {}

    /** The names {@code --select} accepts besides {@code last}. */
    public static final List<String> NAMES = List.of("source-val", "iwv", "dev", "snd");

    /**
     * @param name a protocol name
     * @return the validator, or empty for an unknown name (and for {@code last})
     */
    public static Optional<Validator> byName(String name) {
        return switch (name) {
            case "source-val" -> Optional.of(SOURCE_VAL);
            case "iwv" -> Optional.of(IWV);
            case "dev" -> Optional.of(DEV);
            case "snd" -> Optional.of(SND);
            default -> Optional.empty();
        };
    }

    /** @return every validator */
    public static List<Validator> all() {
        return List.of(SOURCE_VAL, IWV, DEV, SND);
    }

    private static final Set<ValidationView> BOTH =
            Set.of(ValidationView.SOURCE_VALIDATION, ValidationView.TARGET_UNLABELLED);

    static final Validator SOURCE_VAL = new Simple("source-val",
            Set.of(ValidationView.SOURCE_VALIDATION),
            (o, m) -> accuracy(o.sourceValidation().logits(), o.sourceLabels()));

    static final Validator IWV = new Simple("iwv", BOTH, (o, m) -> {
        double[] w = o.importanceWeights(m);
        double[] loss = crossEntropy(o.sourceValidation().logits(), o.sourceLabels());
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * loss[i];
        }
        return -sum / w.length;
    });

    static final Validator DEV = new Simple("dev", BOTH, (o, m) -> {
        double[] w = o.importanceWeights(m);
        double[] loss = crossEntropy(o.sourceValidation().logits(), o.sourceLabels());
        return -devRisk(w, loss);
    });

    static final Validator SND = new Simple("snd", Set.of(ValidationView.TARGET_UNLABELLED),
            (o, m) -> softNeighbourhoodDensity(o.target().logits(), 0.05));

    /**
     * DEV's risk: with weighted losses L_i = w_i ℓ_i and η = −Cov(L, w)/Var(w),
     * risk = mean(L) + η·mean(w) − η.
     */
    static double devRisk(double[] w, double[] loss) {
        int n = w.length;
        double[] weighted = new double[n];
        double meanL = 0;
        double meanW = 0;
        for (int i = 0; i < n; i++) {
            weighted[i] = w[i] * loss[i];
            meanL += weighted[i] / n;
            meanW += w[i] / n;
        }
        double cov = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            cov += (weighted[i] - meanL) * (w[i] - meanW) / (n - 1);
            var += (w[i] - meanW) * (w[i] - meanW) / (n - 1);
        }
        double eta = var > 0 ? -cov / var : 0;
        return meanL + eta * meanW - eta;
    }

    /**
     * SND: softmax the logits, L2-normalise each row, take the cosine similarities between
     * target items (self excluded), softmax each row of similarities at temperature τ, and
     * return the mean entropy of those rows.
     */
    static double softNeighbourhoodDensity(float[][] logits, double temperature) {
        int n = logits.length;
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] s = softmax(logits[i]);
            double norm = 0;
            for (double v : s) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < s.length; j++) {
                s[j] /= norm;
            }
            p[i] = s;
        }
        double total = 0;
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k == i) {
                    continue;
                }
                double dot = 0;
                for (int j = 0; j < p[i].length; j++) {
                    dot += p[i][j] * p[k][j];
                }
                row[k] = dot / temperature;
                max = Math.max(max, row[k]);
            }
            double z = 0;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    z += Math.exp(row[k] - max);
                }
            }
            double entropy = 0;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    double q = Math.exp(row[k] - max) / z;
                    if (q > 0) {
                        entropy -= q * Math.log(q);
                    }
                }
            }
            total += entropy;
        }
        return total / n;
    }

    static double accuracy(float[][] logits, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argMax(logits[i]) == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    static double[] crossEntropy(float[][] logits, int[] labels) {
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (float v : logits[i]) {
                z += Math.exp(v - max);
            }
            out[i] = Math.log(z) + max - logits[i][labels[i]];
        }
        return out;
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double z = 0;
        for (int j = 0; j < logits.length; j++) {
            out[j] = Math.exp(logits[j] - max);
            z += out[j];
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= z;
        }
        return out;
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }

    /** A validator from a name, its views and a scoring function. */
    private record Simple(String name, Set<ValidationView> views, Score fn) implements Validator {
        @Override
        public double score(CandidateOutputs outputs, NDManager manager) {
            return fn.apply(outputs, manager);
        }
    }

    @FunctionalInterface
    private interface Score {
        double apply(CandidateOutputs outputs, NDManager manager);
    }
}
