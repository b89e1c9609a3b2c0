package io.latentbridge.data;

/**
 * The unlabelled view of a target domain: images only.
 *
 * <p>This is the only form in which target training data reaches a method. It has no label
 * accessor on purpose, so a method cannot train on target labels, and a checkpoint selector that
 * declares this view cannot choose by them.
 *
 * @param images the images
 */
public record UnlabelledImages(ImageSet images) {

    /** @return the number of images */
    public int size() {
        return images.count();
    }
}
