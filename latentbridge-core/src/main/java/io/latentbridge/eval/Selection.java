package io.latentbridge.eval;

import ai.djl.ndarray.NDManager;
import io.latentbridge.data.ImageSet;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.UnlabelledImages;
import io.latentbridge.train.Candidates;
import io.latentbridge.train.MethodModel;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Chooses a checkpoint without target labels: every candidate is loaded, every validator scores
 * it on the data it declares, and the candidate the chosen protocol scores highest is left
 * loaded in the model. All protocols' scores are recorded, so protocols can be compared later.
 */
public final class Selection {

    private Selection() {}

    /**
     * One candidate's scores.
     *
     * @param step the step it was kept at
     * @param scores each validator's score (higher is better)
     */
    public record Scored(int step, Map<String, Double> scores) {}

    /**
     * The choice.
     *
     * @param protocol the protocol that chose
     * @param step the chosen candidate's step
     * @param candidates every candidate's scores
     */
    public record Outcome(String protocol, int step, List<Scored> candidates) {}

    /**
     * The data the validators may see. There is no field for target labels.
     *
     * @param sourceValidation the held-out labelled source slice
     * @param target unlabelled target images
     */
    public record Data(LabelledImages sourceValidation, UnlabelledImages target) {}

    /**
     * @param model the model (its groups receive each candidate in turn)
     * @param candidates the kept candidates
     * @param protocol the validator that chooses
     * @param data what validators may see
     * @param batch evaluation batch size
     * @param manager owner of the loaded parameters
     * @param whileLoaded called with each candidate's step while it is loaded (for reporting)
     * @return the choice; the chosen candidate is loaded in the model on return
     * @throws IOException when a candidate cannot be read
     */
    public static Outcome choose(MethodModel model, Candidates candidates, Validator protocol,
            Data data, int batch, NDManager manager, IntConsumer whileLoaded) throws IOException {
        List<Validator> all = Validators.all();
        java.util.ArrayList<Scored> scored = new java.util.ArrayList<>();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int step : candidates.steps()) {
            candidates.load(step, model.groups(), manager);
            CandidateOutputs.Outputs source = outputs(model, data.sourceValidation().images(),
                    batch, manager);
            CandidateOutputs.Outputs target = outputs(model, data.target().images(), batch,
                    manager);
            Map<String, Double> scores = new LinkedHashMap<>();
            // one view per declared set: validators declaring the same data share what is
            // derived from it (IWV and DEV fit the importance weights once)
            Map<Set<ValidationView>, CandidateOutputs> byViews = new HashMap<>();
            for (Validator v : all) {
                // each validator sees only what it declared
                CandidateOutputs visible = byViews.computeIfAbsent(v.views(),
                        views -> new CandidateOutputs(views,
                                views.contains(ValidationView.SOURCE_VALIDATION) ? source : null,
                                views.contains(ValidationView.SOURCE_VALIDATION)
                                        ? data.sourceValidation().labels() : null,
                                views.contains(ValidationView.TARGET_UNLABELLED) ? target : null));
                scores.put(v.name(), v.score(visible, manager));
            }
            whileLoaded.accept(step);
            scored.add(new Scored(step, scores));
            double s = scores.get(protocol.name());
            // ties go to the later candidate, the longer-trained model
            if (s >= bestScore) {
                bestScore = s;
                best = step;
            }
        }
        candidates.load(best, model.groups(), manager);
        return new Outcome(protocol.name(), best, List.copyOf(scored));
    }

    private static CandidateOutputs.Outputs outputs(MethodModel model, ImageSet images, int batch,
            NDManager manager) {
        float[][] logits = Predictions.rows(model::classify, images, batch, manager);
        float[][] features = Predictions.rows(model::features, images, batch, manager);
        return new CandidateOutputs.Outputs(logits, features);
    }

    /**
     * Every k-th image, at most {@code n}: a sample that spans the whole set.
     *
     * @param images the images
     * @param n the most to keep
     * @return the sample
     */
    public static UnlabelledImages spread(UnlabelledImages images, int n) {
        int count = images.size();
        if (count <= n) {
            return images;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) ((long) i * count / n);
        }
        return new UnlabelledImages(images.images().select(idx));
    }
}
