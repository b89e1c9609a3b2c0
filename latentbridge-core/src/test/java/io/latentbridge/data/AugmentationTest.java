package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static float[] ramp(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (i % 7) / 7f;
        }
        return a;
    }

    @Test
    void inactiveJitterLeavesImagesAlone() {
        float[] pixels = ramp(2 * 5 * 5);
        float[] before = pixels.clone();
        Augmentation.NONE.apply(pixels, 2, 1, 5, 5, new SplittableRandom(1));
        assertThat(pixels).containsExactly(before);
    }

    @Test
    void identityWarpReproducesThePlane() {
        float[] in = ramp(6 * 6);
        float[] out = new float[36];
        Augmentation.warp(in, out, 0, 6, 6, 0, 0, 1, 0);
        assertThat(out).containsExactly(in);
    }

    @Test
    void wholePixelShiftMovesEveryPixelAndFillsWithBlack() {
        float[] in = ramp(4 * 4);
        float[] out = new float[16];
        Augmentation.warp(in, out, 0, 4, 4, 1, 0, 1, 0);
        for (int y = 0; y < 4; y++) {
            assertThat(out[y * 4]).isZero();
            for (int x = 1; x < 4; x++) {
                assertThat(out[y * 4 + x]).isCloseTo(in[y * 4 + x - 1], within(1e-6f));
            }
        }
    }

    @Test
    void quarterTurnRotatesAboutTheCentre() {
        float[] in = new float[9];
        in[1] = 1; // top middle
        float[] out = new float[9];
        Augmentation.warp(in, out, 0, 3, 3, 0, 0, 1, 90);
        // image coordinates have y pointing down: +90° carries the top-middle pixel to a side
        float sides = out[3] + out[5];
        assertThat(sides).isCloseTo(1f, within(1e-5f));
        assertThat(out[1]).isCloseTo(0f, within(1e-5f));
    }

    @Test
    void sameDrawsGiveSameImagesOtherDrawsDiffer() {
        Augmentation jitter = new Augmentation(2, 0.1, 10);
        float[] a = ramp(3 * 8 * 8);
        float[] b = a.clone();
        float[] c = a.clone();
        jitter.apply(a, 3, 1, 8, 8, new SplittableRandom(5));
        jitter.apply(b, 3, 1, 8, 8, new SplittableRandom(5));
        jitter.apply(c, 3, 1, 8, 8, new SplittableRandom(6));
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void rejectsNonsenseRanges() {
        assertThatThrownBy(() -> new Augmentation(-1, 0, 0)).hasMessageContaining("shift");
        assertThatThrownBy(() -> new Augmentation(0, 1.5, 0)).hasMessageContaining("scale");
    }
}
