package io.latentbridge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbridge.data.ClassNames;
import org.junit.jupiter.api.Test;

class ClassCollapseTest {

    /**
     * The confusion matrix of a real collapsed run (USPS→MNIST, seed 1, with FixMatch
     * pseudo-labels and no distribution alignment; target accuracy 0.581): ones, fours, sixes
     * and sevens are read as eights and nines.
     */
    private static final int[][] COLLAPSED = {
        {972, 0, 0, 0, 0, 0, 0, 0, 7, 1},
        {0, 0, 8, 0, 0, 2, 0, 0, 1119, 6},
        {1, 0, 1026, 0, 0, 0, 0, 0, 2, 3},
        {0, 0, 1, 1000, 0, 2, 0, 0, 5, 2},
        {0, 0, 1, 0, 0, 0, 0, 0, 10, 971},
        {1, 0, 0, 10, 0, 871, 0, 0, 10, 0},
        {7, 0, 2, 0, 0, 2, 0, 0, 943, 4},
        {0, 0, 5, 0, 0, 0, 0, 0, 1, 1022},
        {2, 0, 1, 2, 0, 0, 0, 0, 968, 1},
        {2, 0, 0, 28, 0, 2, 0, 0, 4, 973}};

    @Test
    void findsTheClassesACollapsedRunNeverPredicts() {
        int[] counts = ClassCollapse.predictedCounts(COLLAPSED);
        assertThat(counts).containsExactly(985, 0, 1044, 1040, 0, 879, 0, 0, 3069, 2983);
        assertThat(ClassCollapse.rarelyPredicted(counts, ClassNames.digits()))
                .containsExactly("1", "4", "6", "7");
        assertThat(ClassCollapse.warning(java.util.List.of("1", "4"), "mnist"))
                .contains("mnist", "1, 4", "no target label");
        // the one call training and eval make: the whole check on the confusion matrix
        assertThat(ClassCollapse.check(COLLAPSED, ClassNames.digits(), "mnist"))
                .contains("mnist", "1, 4, 6, 7");
    }

    @Test
    void aHealthyImbalanceIsNoCollapse() {
        // USPS's test split is far from uniform (class 1: 264 of 2007, class 5: 160); a model
        // that predicts every class about as often as it occurs must not be flagged
        int[] usps = {359, 264, 198, 166, 200, 160, 170, 147, 166, 177};
        assertThat(ClassCollapse.rarelyPredicted(usps, ClassNames.digits())).isEmpty();
        assertThat(ClassCollapse.warning(java.util.List.of(), "usps")).isNull();
        // the threshold is a fifth of the uniform share: 2,007 / 10 / 5 = 40.1 predictions
        int[] oneRare = usps.clone();
        oneRare[3] = 40;
        oneRare[0] += 126;
        assertThat(ClassCollapse.rarelyPredicted(oneRare, ClassNames.digits())).containsExactly("3");
    }
}
