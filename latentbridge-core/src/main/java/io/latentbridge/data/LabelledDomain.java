package io.latentbridge.data;

import java.util.List;

/**
 * One domain with the labels of both its splits, at its native size, pixels in [0, 1].
 *
 * <p>For settings where every domain is labelled: pretraining a base model on its own data,
 * and latent translation between two pretrained models (whose class-paired batches use both
 * domains' labels, as the method's authors do). A transfer task never uses this: it reads its
 * domains through {@link Task}, which drops the target's training labels.
 *
 * @param name the domain's name
 * @param train the labelled training split
 * @param test the test split, for evaluation
 * @param files every data file read, with its digest
 */
public record LabelledDomain(String name, LabelledImages train, EvaluationImages test,
        List<DataFileRecord> files) {

    /**
     * Reads a domain.
     *
     * @param spec a catalog name, a generated domain or {@code folder:PATH}
     * @param roots where data files are
     * @param downloader fetches missing catalog files (when the roots allow it)
     * @return the domain
     */
    public static LabelledDomain load(String spec, DataRoots roots, Downloader downloader) {
        RawDomain d = RawDomain.read(spec, new Catalog(), roots, downloader,
                Task.Options.DEFAULT.size());
        return new LabelledDomain(spec, new LabelledImages(d.trainImages(), d.trainLabels(),
                d.classes()), new EvaluationImages(d.testImages(), d.testLabels(), d.classes()),
                List.copyOf(d.files()));
    }

    /** @return the image side (square images) */
    public int size() {
        return train.images().height();
    }

    /** @return the number of channels */
    public int channels() {
        return train.images().channels();
    }
}
