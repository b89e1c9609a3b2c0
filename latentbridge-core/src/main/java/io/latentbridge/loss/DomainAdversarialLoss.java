package io.latentbridge.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.latentbridge.nn.Forward;
import io.latentbridge.nn.GradientReversal;

/**
 * The domain-adversarial loss as a module: features pass a {@link GradientReversal} (which owns
 * its λ schedule) into a binary domain classifier scored with BCE, source = 0, target = 1.
 * Minimising it trains the classifier to tell the domains apart and, through the reversal, the
 * features to make that impossible. Shared by DANN, DSN and CDLM.
 */
public final class DomainAdversarialLoss {

    private final GradientReversal reversal;
    private final Block domainClassifier;

    /**
     * The outcome of one evaluation.
     *
     * @param loss the BCE to minimise
     * @param lambda the reversal's λ at this progress
     * @param accuracy the domain classifier's accuracy on this batch (0.5 is the goal)
     */
    public record Result(NDArray loss, float lambda, float accuracy) {}

    /**
     * @param reversal the gradient reversal with its schedule
     * @param domainClassifier maps features to one logit
     */
    public DomainAdversarialLoss(GradientReversal reversal, Block domainClassifier) {
        this.reversal = reversal;
        this.domainClassifier = domainClassifier;
    }

    /**
     * @param forward how to run the classifier (training mode inside a step)
     * @param features {@code 2B×F}: B source rows, then B target rows
     * @param progress training progress in [0, 1]
     * @return loss, λ and accuracy
     */
    public Result apply(Forward forward, NDArray features, double progress) {
        long b = features.getShape().get(0) / 2;
        float lambda = reversal.lambda(progress);
        NDArray logits = forward.forward(domainClassifier, reversal.apply(features, progress))
                .reshape(-1);
        NDArray labels = NDArrays.concat(new NDList(features.getManager().zeros(new Shape(b)),
                features.getManager().ones(new Shape(b))), 0);
        return new Result(Losses.binaryCrossEntropyWithLogits(logits, labels), lambda,
                Losses.binaryAccuracy(logits, labels).getFloat());
    }
}
