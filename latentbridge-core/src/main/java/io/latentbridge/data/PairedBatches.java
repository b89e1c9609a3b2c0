package io.latentbridge.data;

import java.util.SplittableRandom;

/**
 * An endless stream of (source batch, target batch) index pairs for two-domain training.
 *
 * <p>Each domain is shuffled independently with its own seeded generator; a domain whose
 * permutation has fewer than a batch left starts a new epoch (drop-last), independently of the
 * other, so the smaller domain simply cycles faster. Identical seeds give identical streams.
 */
public final class PairedBatches {

    private final Stream source;
    private final Stream target;

    /**
     * @param sourceSize items in the source
     * @param targetSize items in the target
     * @param batchSize items per domain per batch
     * @param seed the seed
     */
    public PairedBatches(int sourceSize, int targetSize, int batchSize, long seed) {
        if (batchSize > sourceSize || batchSize > targetSize) {
            throw new IllegalArgumentException("batch size " + batchSize
                    + " exceeds a domain's size (" + sourceSize + ", " + targetSize + ")");
        }
        SplittableRandom root = new SplittableRandom(seed);
        this.source = new Stream(sourceSize, batchSize, root.split());
        this.target = new Stream(targetSize, batchSize, root.split());
    }

    /** One pair of batches: indices into the source and the target. */
    public record Batch(int[] source, int[] target) {}

    /** @return the next pair */
    public Batch next() {
        return new Batch(source.next(), target.next());
    }

    /** Shuffled, drop-last batches over one domain, forever. */
    private static final class Stream {
        private final int[] order;
        private final int batch;
        private final SplittableRandom random;
        private int position;

        Stream(int size, int batch, SplittableRandom random) {
            this.order = new int[size];
            this.batch = batch;
            this.random = random;
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            shuffle();
        }

        private void shuffle() {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            position = 0;
        }

        int[] next() {
            if (position + batch > order.length) {
                shuffle();
            }
            int[] out = new int[batch];
            System.arraycopy(order, position, out, 0, batch);
            position += batch;
            return out;
        }
    }
}
