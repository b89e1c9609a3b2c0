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
}
