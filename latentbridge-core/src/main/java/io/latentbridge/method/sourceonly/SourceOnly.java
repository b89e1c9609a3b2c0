package io.latentbridge.method.sourceonly;

import ai.djl.ndarray.NDArray;
import io.latentbridge.loss.Losses;
import io.latentbridge.method.BackboneModel;
import io.latentbridge.train.Method;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.StepContext;
import java.util.Map;

/**
 * The baseline every table needs: the shared backbone trained on source labels only. Target
 * batches are ignored.
 */
public final class SourceOnly extends BackboneModel {

    /** The method. */
    public static final Method<SourceOnlyConfig> METHOD = Method.of("source-only",
            "the shared backbone trained on source labels only (no adaptation)",
            SourceOnlyConfig.class, SourceOnlyConfig.DEFAULT, SourceOnly::new);

    private SourceOnly(SourceOnlyConfig config, ModelShape shape) {
        super("source_only", config.hidden(), config.latent(), shape, Map.of());
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
        NDArray cls = Losses.crossEntropy(backbone.classify(ctx, backbone.features(ctx, xs)), ys);
        ctx.minimize(cls, group());
        return Map.of("cls", (double) cls.getFloat());
    }
}
