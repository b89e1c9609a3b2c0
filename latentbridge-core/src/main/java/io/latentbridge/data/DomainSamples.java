package io.latentbridge.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few training images of each class of one domain, for looking at a domain
 * ({@code latentbridge data preview}). Nothing here feeds training.
 *
 * @param domain the domain spec
 * @param classes its class names
 * @param rows one image set per class, in class order, at the domain's native size
 */
public record DomainSamples(String domain, ClassNames classes, List<ImageSet> rows) {

    /**
     * The generated domains ({@code syndigits}, {@code mnistm}) cached under these roots.
     *
     * @param roots where data files are; generated domains live under its cache
     * @param downloader fetches MNIST when the roots allow it (mnistm is built on it)
     * @return the generated domains
     */
    public static io.latentbridge.data.generated.GeneratedDomains generated(DataRoots roots,
            Downloader downloader) {
        return RawDomain.generatedDomains(roots, downloader);
    }

    /**
     * Reads a domain (generating it first if it is a generated one) and takes samples.
     *
     * @param spec a catalog name, a generated domain spec, or {@code folder:PATH}
     * @param roots where data files are
     * @param downloader fetches missing catalog files (when the roots allow it)
     * @param perClass images per class
     * @return the samples; a class with fewer images shows what it has, padded with black
     */
    public static DomainSamples read(String spec, DataRoots roots, Downloader downloader,
            int perClass) {
        if (perClass < 1 || perClass > 100) {
            throw new DataException("--per-class must be in 1..100, got " + perClass);
        }
        RawDomain d = RawDomain.read(spec, new Catalog(), roots, downloader,
                Task.Options.DEFAULT.size());
        ImageSet images = d.trainImages();
        List<ImageSet> rows = new ArrayList<>();
        for (int c = 0; c < d.classes().size(); c++) {
            int[] idx = new int[perClass];
            int found = 0;
            for (int i = 0; i < images.count() && found < perClass; i++) {
                if (d.trainLabels()[i] == c) {
                    idx[found++] = i;
                }
            }
            ImageSet picked = images.select(java.util.Arrays.copyOf(idx, found));
            float[] padded = java.util.Arrays.copyOf(picked.pixels(),
                    perClass * images.imageSize());
            rows.add(new ImageSet(perClass, images.channels(), images.height(), images.width(),
                    padded));
        }
        return new DomainSamples(spec, d.classes(), List.copyOf(rows));
    }
}
