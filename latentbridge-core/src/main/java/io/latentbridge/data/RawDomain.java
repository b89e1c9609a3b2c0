package io.latentbridge.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A domain as read from disk: both splits with their labels, at native size.
 *
 * <p>Package-private on purpose: outside this package a domain exists only as a {@link Task},
 * which has already dropped the target's training labels.
 */
record RawDomain(String name, ClassNames classes, ImageSet trainImages, int[] trainLabels,
        ImageSet testImages, int[] testLabels, List<DataFileRecord> files) {

    /** Prefix of a domain given as an image folder. */
    static final String FOLDER_PREFIX = "folder:";

    static RawDomain read(String spec, Catalog catalog, DataRoots roots, Downloader downloader,
            int folderSide) {
        if (spec.startsWith(FOLDER_PREFIX)) {
            Path root = Path.of(spec.substring(FOLDER_PREFIX.length()));
            ImageFolderReader.Result train = ImageFolderReader.read(root, "train", folderSide);
            ImageFolderReader.Result test = ImageFolderReader.read(root, "test", folderSide);
            if (!train.classes().equals(test.classes())) {
                throw new DataException(root, "train classes " + train.classes().names()
                        + " differ from test classes " + test.classes().names());
            }
            List<DataFileRecord> files = new ArrayList<>();
            // image folders can hold thousands of files: record the folder, not each digest
            files.add(new DataFileRecord(root.toAbsolutePath().toString(),
                    "folder of " + (train.files().size() + test.files().size()) + " images"));
            return new RawDomain(spec, train.classes(), train.images(), train.labels(),
                    test.images(), test.labels(), files);
        }
        DatasetSpec dataset = catalog.find(spec).orElseThrow(() -> new DataException(
                "unknown dataset '" + spec + "' (known: " + catalog.names()
                        + ", or folder:PATH)"));
        List<DataFileRecord> files = new ArrayList<>();
        java.util.function.Function<DatasetFile, Path> locate = f -> {
            Path p = roots.locate(dataset.name(), f, downloader);
            files.add(new DataFileRecord(p.toAbsolutePath().toString(), Checksums.sha256(p)));
            return p;
        };
        LibsvmReader.Result train = dataset.read(dataset.split("train"), locate);
        LibsvmReader.Result test = dataset.read(dataset.split("test"), locate);
        return new RawDomain(spec, dataset.classes(), train.images(), train.labels(),
                test.images(), test.labels(), files);
    }
}
