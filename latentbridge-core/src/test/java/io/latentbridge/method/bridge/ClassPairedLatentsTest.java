package io.latentbridge.method.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassPairedLatentsTest {

    /** Items labelled i mod classes; each item's μ is its index, so a draw can be checked. */
    private static LatentCodes codes(int n, int classes, int width) {
        float[] mu = new float[n * width];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7) % classes;
            java.util.Arrays.fill(mu, i * width, (i + 1) * width, i);
        }
        return new LatentCodes(width, mu, new float[n * width], labels);
    }

    @Test
    void batchesAreClassBalancedAndPairedByPosition() {
        LatentCodes a = codes(100, 10, 3);
        LatentCodes b = codes(57, 10, 3);
        ClassPairedLatents batches = new ClassPairedLatents(a, b, 10, 25, 1);
        int[][] d = batches.draw();
        int[] count = new int[10];
        for (int i = 0; i < 25; i++) {
            count[d[0][i]]++;
            assertThat(a.labels()[d[1][i]]).isEqualTo(d[0][i]);
            assertThat(b.labels()[d[2][i]]).isEqualTo(d[0][i]);
        }
        assertThat(java.util.Arrays.stream(count).boxed().toList()).allMatch(c -> c == 2 || c == 3);
    }

    @Test
    void theStreamIsAFunctionOfTheSeedAndSkipKeepsItsPlace() {
        LatentCodes a = codes(100, 10, 2);
        ClassPairedLatents one = new ClassPairedLatents(a, a, 10, 20, 4);
        ClassPairedLatents two = new ClassPairedLatents(a, a, 10, 20, 4);
        one.draw();
        two.skip();
        int[][] x = one.draw();
        int[][] y = two.draw();
        assertThat(x[0]).containsExactly(y[0]);
        assertThat(x[1]).containsExactly(y[1]);
        assertThat(new ClassPairedLatents(a, a, 10, 20, 5).draw()[1]).isNotEqualTo(x[1]);
    }

    @Test
    void refusesADomainWithoutSomeClassOrOfAnotherWidth() {
        assertThatThrownBy(() -> new ClassPairedLatents(codes(30, 3, 2), codes(30, 3, 2), 4, 8, 1))
                .hasMessageContaining("no item of class 3");
        assertThatThrownBy(() -> new ClassPairedLatents(codes(30, 3, 2), codes(30, 3, 4), 3, 8, 1))
                .hasMessageContaining("latent widths differ");
    }
}
