package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairedBatchesTest {

    @Test
    void sameSeedSameStreamOtherSeedOtherStream() {
        PairedBatches a = new PairedBatches(100, 30, 8, 7);
        PairedBatches b = new PairedBatches(100, 30, 8, 7);
        PairedBatches c = new PairedBatches(100, 30, 8, 8);
        boolean differs = false;
        for (int i = 0; i < 20; i++) {
            PairedBatches.Batch x = a.next();
            PairedBatches.Batch y = b.next();
            PairedBatches.Batch z = c.next();
            assertThat(x.source()).containsExactly(y.source());
            assertThat(x.target()).containsExactly(y.target());
            differs |= !java.util.Arrays.equals(x.source(), z.source());
        }
        assertThat(differs).isTrue();
    }

    @Test
    void eachEpochVisitsDistinctItemsAndDropsTheRemainder() {
        PairedBatches p = new PairedBatches(20, 10, 3, 1);
        Set<Integer> seenTarget = new HashSet<>();
        for (int i = 0; i < 3; i++) { // 3 batches of 3 = 9 of 10 target items, no repeats
            for (int t : p.next().target()) {
                assertThat(seenTarget.add(t)).isTrue();
            }
        }
        // the 4th batch cannot be filled from the last item: a new permutation starts
        assertThat(p.next().target()).hasSize(3);
    }

    @Test
    void batchLargerThanDomainIsRejected() {
        assertThatThrownBy(() -> new PairedBatches(10, 5, 6, 1)).hasMessageContaining("batch size 6");
    }
}
