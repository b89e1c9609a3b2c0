package io.latentbridge.method.cdlm;

import io.latentbridge.train.Method;

/** Cross-domain latent modulation (Hou et al., WACV 2021), in LatentBridge's formulation. */
public final class Cdlm {

    /** The method. */
    public static final Method<CdlmConfig> METHOD = Method.of("cdlm",
            "cross-domain latent modulation VAE with gradient reversal and consistency",
            CdlmConfig.class, CdlmConfig.DEFAULT, CdlmModel::new);

    private Cdlm() {}
}
