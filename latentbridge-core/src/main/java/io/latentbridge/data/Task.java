package io.latentbridge.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A transfer task: a labelled source domain and an unlabelled target domain, preprocessed to a
 * common size and channel count.
 *
 * <p>The target's training labels are dropped when the task is built: the target training set
 * exists only as {@link UnlabelledImages}. Test splits are {@link EvaluationImages}, for the
 * evaluation code alone. Target test labels are renumbered into the source's classes by name.
 *
 * @param source the source's name
 * @param target the target's name
 * @param sourceTrain labelled source training images
 * @param sourceTest source test images, for evaluation
 * @param targetTrain unlabelled target training images
 * @param targetTest target test images, for evaluation
 * @param preprocessing the preprocessing applied to both
 * @param files every data file read, with its digest
 */
public record Task(String source, String target, LabelledImages sourceTrain,
        EvaluationImages sourceTest, UnlabelledImages targetTrain, EvaluationImages targetTest,
        Preprocessing preprocessing, List<DataFileRecord> files) {

    /**
     * Options of how a task is loaded.
     *
     * @param size the common image side
     * @param channels 1 or 3, or null to take 3 when either domain is colour
     */
    public record Options(int size, Integer channels) {
        /** 28×28, channels chosen from the domains. */
        public static final Options DEFAULT = new Options(28, null);

        /** Validates the values with messages naming the options. */
        public Options {
            if (size < 8 || size > 512 || size % 4 != 0) {
                throw new IllegalArgumentException(
                        "--image-size must be a multiple of 4 in 8..512, got " + size);
            }
            if (channels != null && channels != 1 && channels != 3) {
                throw new IllegalArgumentException("--channels must be 1 or 3, got " + channels);
            }
        }
    }

    /**
     * Loads a task.
     *
     * @param source a catalog name or {@code folder:PATH}
     * @param target a catalog name or {@code folder:PATH}
     * @param roots where data files are
     * @param downloader fetches missing catalog files (when the roots allow it)
     * @param options size and channels; channels {@code null} means 3 if either domain is colour
     * @return the task
     */
    public static Task load(String source, String target, DataRoots roots, Downloader downloader,
            Options options) {
        Catalog catalog = new Catalog();
        RawDomain s = RawDomain.read(source, catalog, roots, downloader, options.size());
        RawDomain t = RawDomain.read(target, catalog, roots, downloader, options.size());
        int[] map;
        try {
            map = s.classes().mappingFrom(t.classes());
        } catch (IllegalArgumentException e) {
            throw new DataException(where(target) + ": target class names do not match the source's ("
                    + e.getMessage() + ")");
        }
        int channels = options.channels() != null ? options.channels()
                : Math.max(s.trainImages().channels(), t.trainImages().channels());
        Preprocessing pre = new Preprocessing(options.size(), channels);
        int[] targetTestLabels = new int[t.testLabels().length];
        for (int i = 0; i < targetTestLabels.length; i++) {
            targetTestLabels[i] = map[t.testLabels()[i]];
        }
        List<DataFileRecord> files = new ArrayList<>(s.files());
        files.addAll(t.files());
        return new Task(source, target,
                new LabelledImages(pre.apply(s.trainImages()), s.trainLabels(), s.classes()),
                new EvaluationImages(pre.apply(s.testImages()), s.testLabels(), s.classes()),
                new UnlabelledImages(pre.apply(t.trainImages())),
                new EvaluationImages(pre.apply(t.testImages()), targetTestLabels, s.classes()),
                pre, List.copyOf(files));
    }

    private static String where(String spec) {
        return spec.startsWith(RawDomain.FOLDER_PREFIX)
                ? Path.of(spec.substring(RawDomain.FOLDER_PREFIX.length())).toString()
                : spec;
    }

    /** @return the number of classes (the source's) */
    public int classCount() {
        return sourceTrain.classes().size();
    }
}
