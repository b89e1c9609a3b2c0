package io.latentbridge.data;

/**
 * Images with their class labels: the labelled source domain a method may train on.
 *
 * @param images the images
 * @param labels one label per image, an index into {@code classes}
 * @param classes the class names
 */
public record LabelledImages(ImageSet images, int[] labels, ClassNames classes) {

    /** Checks that there is one label per image. */
    public LabelledImages {
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(
                    labels.length + " labels for " + images.count() + " images");
        }
    }

    /** @return the number of images */
    public int size() {
        return images.count();
    }

    /**
     * Items {@code from} (inclusive) to {@code to} (exclusive), e.g. to hold out a validation
     * slice of a training split.
     *
     * @param from first item
     * @param to end item
     * @return a new set
     */
    public LabelledImages range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return new LabelledImages(images.select(idx), java.util.Arrays.copyOfRange(labels, from, to),
                classes);
    }
}
