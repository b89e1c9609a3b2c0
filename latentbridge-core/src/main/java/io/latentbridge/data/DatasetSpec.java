package io.latentbridge.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A named dataset of the catalog: its format, classes, and per split the files and expected size.
 *
 * @param name the catalog name ({@code mnist}, {@code usps}, …)
 * @param format how the files are encoded
 * @param classes the class names
 * @param splits the splits, {@code train} and {@code test}
 */
public record DatasetSpec(String name, Format format, ClassNames classes, List<Split> splits) {

    /** File encodings the catalog knows. */
    public enum Format {
        /** IDX images + IDX labels (MNIST, Fashion-MNIST). */
        IDX,
        /** One LIBSVM text file of 16×16 images in [-1, 1] (USPS). */
        LIBSVM_16
    }

    /**
     * One split of a dataset.
     *
     * @param name {@code train} or {@code test}
     * @param count the number of items the official release has
     * @param images the image file (for LIBSVM, the only file)
     * @param labels the label file, or {@code null} when labels are inside the image file
     */
    public record Split(String name, int count, DatasetFile images, DatasetFile labels) {

        /** @return the files of this split */
        public List<DatasetFile> files() {
            return labels == null ? List.of(images) : List.of(images, labels);
        }
    }

    /** @return every file of every split */
    public List<DatasetFile> files() {
        return splits.stream().flatMap(s -> s.files().stream()).toList();
    }

    /**
     * @param splitName {@code train} or {@code test}
     * @return that split
     */
    public Split split(String splitName) {
        return splits.stream()
                .filter(s -> s.name().equals(splitName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no split " + splitName));
    }

    /**
     * Reads one split and checks its size against the official count.
     *
     * @param split the split
     * @param locate finds (or fetches) a file of this dataset on disk
     * @return images in [0, 1] at their native size, and labels
     */
    public LibsvmReader.Result read(Split split, Function<DatasetFile, Path> locate) {
        LibsvmReader.Result result;
        Path imageFile = locate.apply(split.images());
        if (format == Format.IDX) {
            ImageSet images = IdxReader.readImages(imageFile);
            Path labelFile = locate.apply(split.labels());
            int[] labels = IdxReader.readLabels(labelFile, classes.size());
            if (labels.length != images.count()) {
                throw new DataException(labelFile, labels.length + " labels but "
                        + imageFile.getFileName() + " has " + images.count() + " images");
            }
            result = new LibsvmReader.Result(images, labels);
        } else {
            result = LibsvmReader.read(imageFile, 16, classes.size());
        }
        if (result.images().count() != split.count()) {
            throw new DataException(imageFile, "has " + result.images().count() + " items, the "
                    + name + " " + split.name() + " split has " + split.count());
        }
        return result;
    }
}
