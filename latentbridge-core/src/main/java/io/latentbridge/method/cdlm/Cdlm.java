package io.latentbridge.method.cdlm;

import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;

/** Cross-domain latent modulation (Hou et al., WACV 2021), in LatentBridge's formulation. */
public final class Cdlm implements Method<CdlmConfig> {

    @Override
    public String name() {
        return "cdlm";
    }

    @Override
    public String description() {
        return "cross-domain latent modulation VAE with gradient reversal and consistency";
    }

    @Override
    public Class<CdlmConfig> configType() {
        return CdlmConfig.class;
    }

    @Override
    public CdlmConfig defaults() {
        return CdlmConfig.DEFAULT;
    }

    @Override
    public MethodModel create(CdlmConfig config, ModelShape shape) {
        return new CdlmModel(config, shape);
    }
}
