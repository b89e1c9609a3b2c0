package io.latentbridge.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-tree housekeeping shared by the cache, checkpoints and benchmark grids. */
public final class FileTrees {

    private FileTrees() {}

    /**
     * Deletes a folder and everything below it; nothing happens when it does not exist.
     *
     * @param root the folder (or file)
     * @throws IOException when something cannot be deleted
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // children before their folder
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
