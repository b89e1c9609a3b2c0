package io.latentbridge.train;

import ai.djl.ndarray.NDArray;

/** Translation of images between the two domains of a trained model. */
public interface ImageTranslation {

    /**
     * Translates target images into the source's style.
     *
     * @param inference forward passes in inference mode
     * @param target target images {@code N×C×S×S}
     * @param sourceContext as many source images, for methods whose translation is conditioned
     *     on the other domain
     * @return translated images in [0, 1]
     */
    NDArray targetToSource(Inference inference, NDArray target, NDArray sourceContext);

    /**
     * Translates source images into the target's style.
     *
     * @param inference forward passes in inference mode
     * @param source source images
     * @param targetContext as many target images
     * @return translated images in [0, 1]
     */
    NDArray sourceToTarget(Inference inference, NDArray source, NDArray targetContext);
}
