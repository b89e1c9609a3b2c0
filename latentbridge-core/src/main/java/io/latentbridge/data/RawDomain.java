package io.latentbridge.data;

import io.latentbridge.data.generated.Assets;
import io.latentbridge.data.generated.GeneratedDomains;
import io.latentbridge.data.generated.GenerationSpec;
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
        if (GeneratedDomains.isGenerated(spec)) {
            return generated(spec, catalog, roots, downloader, folderSide);
        }
        DatasetSpec dataset = catalog.find(spec).orElseThrow(() -> new DataException(
                "unknown dataset '" + spec + "' (known: " + catalog.names() + ", "
                        + String.join(", ", GeneratedDomains.NAMES) + ", or folder:PATH)"));
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

    /** A generated domain: made once into the data cache (printing progress), then read. */
    private static RawDomain generated(String spec, Catalog catalog, DataRoots roots,
            Downloader downloader, int folderSide) {
        GeneratedDomains.Stored stored = generatedDomains(roots, downloader)
                .ensure(GenerationSpec.parse(spec), line -> System.err.println(
                        "latentbridge: " + line));
        GeneratedDomains.LabelledSplit train = stored.read("train");
        GeneratedDomains.LabelledSplit test = stored.read("test");
        return new RawDomain(spec, GeneratedDomains.classes(), train.images(), train.labels(),
                test.images(), test.labels(), stored.records());
    }

    /**
     * The generated domains of these roots: cached under the roots' cache, MNIST (the base of
     * mnistm) read through the catalog, once.
     */
    static GeneratedDomains generatedDomains(DataRoots roots, Downloader downloader) {
        Catalog catalog = new Catalog();
        RawDomain[] mnist = new RawDomain[1];
        return new GeneratedDomains(roots.cache(), Assets.resolve(), split -> {
            if (mnist[0] == null) {
                mnist[0] = read("mnist", catalog, roots, downloader, Task.Options.DEFAULT.size());
            }
            return split.equals("train")
                    ? new GeneratedDomains.LabelledSplit(mnist[0].trainImages(),
                            mnist[0].trainLabels())
                    : new GeneratedDomains.LabelledSplit(mnist[0].testImages(),
                            mnist[0].testLabels());
        });
    }
}
