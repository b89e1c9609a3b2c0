package io.latentbridge.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where dataset files are looked for, in order: an explicit directory ({@code --data-dir}), the
 * directory named by {@code LATENTBRIDGE_DATA}, and the user cache {@code ~/.cache/latentbridge},
 * which is also where downloads go. A file of dataset {@code D} is {@code ROOT/D/<file name>}.
 *
 * @param explicit the directory given on the command line, or {@code null}
 * @param environment the directory from {@code LATENTBRIDGE_DATA}, or {@code null}
 * @param cache the download cache
 * @param downloads whether missing files may be downloaded into the cache
 */
public record DataRoots(Path explicit, Path environment, Path cache, boolean downloads) {

    /** Name of the environment variable that points at a data root. */
    public static final String ENV = "LATENTBRIDGE_DATA";

    /**
     * Resolves the roots from a command-line value and the process environment.
     *
     * @param dataDir the {@code --data-dir} value, or {@code null}
     * @param downloads whether missing files may be downloaded
     * @return the roots; every explicitly named directory must exist
     */
    public static DataRoots resolve(Path dataDir, boolean downloads) {
        String env = System.getenv(ENV);
        Path envPath = env == null || env.isBlank() ? null : Path.of(env);
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "latentbridge");
        DataRoots roots = new DataRoots(dataDir, envPath, cache, downloads);
        roots.check();
        return roots;
    }

    /** Fails with a one-line error when a named root does not exist. */
    public void check() {
        if (explicit != null && !Files.isDirectory(explicit)) {
            throw new DataException(explicit, "data directory (--data-dir) does not exist");
        }
        if (explicit == null && environment != null && !Files.isDirectory(environment)) {
            throw new DataException(environment, "data directory (" + ENV + ") does not exist");
        }
    }

    /**
     * The roots searched, in order. With an explicit directory only that one is searched, so
     * {@code --data-dir} means exactly what it says.
     *
     * @return the roots
     */
    public List<Path> searched() {
        List<Path> roots = new ArrayList<>();
        if (explicit != null) {
            roots.add(explicit);
            return roots;
        }
        if (environment != null) {
            roots.add(environment);
        }
        roots.add(cache);
        return roots;
    }

    /**
     * Finds a file without downloading.
     *
     * @param dataset the dataset's catalog name
     * @param file the file
     * @return where it is, if anywhere
     */
    public Optional<Path> find(String dataset, DatasetFile file) {
        for (Path root : searched()) {
            Path p = root.resolve(dataset).resolve(file.fileName());
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a file, downloading it into the cache when it is nowhere and downloads are allowed.
     *
     * @param dataset the dataset's catalog name
     * @param file the file
     * @param downloader fetches a missing file
     * @return where it is
     */
    public Path locate(String dataset, DatasetFile file, Downloader downloader) {
        Optional<Path> found = find(dataset, file);
        if (found.isPresent()) {
            return found.get();
        }
        Path wanted = searched().get(0).resolve(dataset).resolve(file.fileName());
        if (!downloads || explicit != null) {
            throw new DataException(wanted, "file not found (searched " + searched() + ")");
        }
        return downloader.fetch(file, cache.resolve(dataset).resolve(file.fileName()));
    }
}
