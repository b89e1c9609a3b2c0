package io.latentbridge.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every present file of every catalog dataset: digest, magic number, counts, shapes and
 * value ranges. Missing files are reported, not fetched.
 */
public final class DatasetVerifier {

    /** The outcome for one file. */
    public enum Status { OK, MISSING, FAIL }

    /**
     * One row of the verification table.
     *
     * @param dataset the dataset
     * @param file the file name
     * @param status the outcome
     * @param items items read, or -1
     * @param detail the shape and range, or the problem
     */
    public record Row(String dataset, String file, Status status, int items, String detail) {}

    private final Catalog catalog;
    private final DataRoots roots;

    /**
     * @param catalog the datasets to check
     * @param roots where to look
     */
    public DatasetVerifier(Catalog catalog, DataRoots roots) {
        this.catalog = catalog;
        this.roots = roots;
    }

    /** @return one row per catalog file */
    public List<Row> verify() {
        List<Row> rows = new ArrayList<>();
        for (DatasetSpec dataset : catalog.datasets()) {
            for (DatasetSpec.Split split : dataset.splits()) {
                verifySplit(dataset, split, rows);
            }
        }
        return rows;
    }

    private void verifySplit(DatasetSpec dataset, DatasetSpec.Split split, List<Row> rows) {
        List<DatasetFile> files = split.files();
        List<Path> paths = new ArrayList<>();
        for (DatasetFile f : files) {
            Optional<Path> p = roots.find(dataset.name(), f);
            if (p.isEmpty()) {
                rows.add(new Row(dataset.name(), f.fileName(), Status.MISSING, -1,
                        "not in " + roots.searched()));
            }
            paths.add(p.orElse(null));
        }
        if (paths.contains(null)) {
            return;
        }
        // digests first: a file can be well-formed and still not be the official content
        List<String> digestProblems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Checksums.Digests d = Checksums.of(paths.get(i));
            digestProblems.add(files.get(i).isKnownCopy(d) ? null
                    : "checksum matches no known copy (sha256 " + d.sha256() + ")");
        }
        LibsvmReader.Result result;
        try {
            result = dataset.read(split, f -> paths.get(files.indexOf(f)));
        } catch (DataException e) {
            for (int i = 0; i < files.size(); i++) {
                boolean culprit = e.getMessage().startsWith(paths.get(i).toString());
                rows.add(new Row(dataset.name(), files.get(i).fileName(),
                        culprit || files.size() == 1 ? Status.FAIL : Status.OK, -1,
                        culprit || files.size() == 1 ? e.getMessage() : "not checked further"));
            }
            return;
        }
        float[] range = result.images().range();
        for (int i = 0; i < files.size(); i++) {
            String problem = digestProblems.get(i);
            boolean images = i == 0;
            String detail = images
                    ? String.format("%dx%dx%d, range [%.3f, %.3f]", result.images().channels(),
                            result.images().height(), result.images().width(), range[0], range[1])
                    : "labels 0.." + (dataset.classes().size() - 1);
            if (problem == null && images && (range[0] < 0f || range[1] > 1f)) {
                problem = "pixel values outside [0, 1]";
            }
            rows.add(new Row(dataset.name(), files.get(i).fileName(),
                    problem == null ? Status.OK : Status.FAIL, result.images().count(),
                    problem == null ? detail : paths.get(i) + ": " + problem));
        }
    }
}
