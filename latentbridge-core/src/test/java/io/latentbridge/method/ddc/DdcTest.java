package io.latentbridge.method.ddc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DDC's configuration: the class-weighting key, old run files. */
class DdcTest {

    @Test
    void aRunConfigurationWrittenBeforeClassWeightingExistedReadsAsUnweighted() throws Exception {
        DdcConfig old = io.latentbridge.run.Json.json().readValue(
                "{\"hidden\":512,\"latent\":64,\"lambda_mmd\":1.0,\"gamma\":0.0}",
                DdcConfig.class);
        assertThat(old.classWeighting()).isEqualTo("none");
        assertThat(DdcConfig.DEFAULT.classWeighting()).isEqualTo("target_prior");
    }

    @Test
    void rejectsAnUnknownWeighting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new DdcConfig(512, 64, 1, 0, "prior"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class_weighting");
    }
}
