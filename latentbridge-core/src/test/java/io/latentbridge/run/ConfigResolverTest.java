package io.latentbridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbridge.method.cdlm.Cdlm;
import io.latentbridge.method.cdlm.CdlmConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsThenFileThenSet() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("c.yaml"), "lr: 0.0005\nmodulation: shift\nsteps: 10\n");
        ConfigResolver.Resolved r = new ConfigResolver().resolve(Cdlm.METHOD, yaml,
                List.of("steps=20", "lambda_adv=0.3"));
        assertThat(r.train().lr()).isEqualTo(0.0005);
        assertThat(r.train().steps()).isEqualTo(20);
        CdlmConfig c = (CdlmConfig) r.method();
        assertThat(c.modulation()).isEqualTo("shift");
        assertThat(c.lambdaAdv()).isEqualTo(0.3);
        assertThat(c.latent()).isEqualTo(CdlmConfig.DEFAULT.latent());
    }

    @Test
    void unknownKeyIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> new ConfigResolver().resolve(Cdlm.METHOD, null, List.of("lamda_adv=1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'lamda_adv'")
                .hasMessageContaining("lambda_adv");
    }

    @Test
    void invalidValuesAreRejectedInOneLine() {
        assertThatThrownBy(() -> new ConfigResolver().resolve(Cdlm.METHOD, null, List.of("lr=-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lr must be a positive number");
        assertThatThrownBy(() -> new ConfigResolver().resolve(Cdlm.METHOD, null, List.of("modulation=wobble")))
                .hasMessageContaining("modulation must be noise, replace, shift or none");
        assertThatThrownBy(() -> new ConfigResolver().resolve(Cdlm.METHOD, null, List.of("steps=many")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("steps")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> new ConfigResolver().resolve(Cdlm.METHOD, tmp.resolve("no.yaml"), List.of()))
                .hasMessage(tmp.resolve("no.yaml") + ": config file not found");
    }

    /** The shipped examples are read by the same resolver a user's {@code --config} goes through. */
    @Test
    void shippedExamplesResolve() {
        Path examples = Path.of("..", "examples");
        ConfigResolver resolver = new ConfigResolver();
        ConfigResolver.Resolved quick = resolver.resolve(Cdlm.METHOD, examples.resolve("quickstart.yaml"), List.of());
        assertThat(quick.train().steps()).isEqualTo(900);
        CdlmConfig mmd = (CdlmConfig) resolver.resolve(Cdlm.METHOD,
                examples.resolve("cdlm-mmd-long.yaml"), List.of()).method();
        assertThat(mmd.lambdaMmd()).isEqualTo(1.0);
        assertThat(mmd.lambdaPseudo()).isZero();
        ConfigResolver.Resolved pseudo = resolver.resolve(Cdlm.METHOD,
                examples.resolve("cdlm-pseudo-long.yaml"), List.of());
        CdlmConfig c = (CdlmConfig) pseudo.method();
        assertThat(pseudo.train().steps()).isEqualTo(12000);
        assertThat(pseudo.train().emaDecay()).isEqualTo(0.998);
        assertThat(c.lambdaMmd()).isEqualTo(1.0);
        assertThat(c.lambdaPseudo()).isEqualTo(0.1);
        assertThat(c.pseudoAlignment()).isEqualTo("distribution");
        assertThat(c.pseudoThreshold()).isEqualTo(0.95);
    }
}
