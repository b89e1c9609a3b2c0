package io.latentbridge.data;

/**
 * Labelled images reserved for evaluation: test splits, and the target labels of any split.
 *
 * <p>Only the {@code eval} package reads these labels to report accuracy after training. Nothing
 * that trains a model or chooses a checkpoint takes this type.
 *
 * @param images the images
 * @param labels one label per image, in the <em>source's</em> class numbering
 * @param classes the class names (the source's)
 */
public record EvaluationImages(ImageSet images, int[] labels, ClassNames classes) {

    /** Checks that there is one label per image. */
    public EvaluationImages {
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
     * Returns the first {@code n} items.
     *
     * @param n how many to keep
     * @return a smaller evaluation set
     */
    public EvaluationImages head(int n) {
        ImageSet head = images.head(n);
        return new EvaluationImages(head, java.util.Arrays.copyOf(labels, head.count()), classes);
    }
}
