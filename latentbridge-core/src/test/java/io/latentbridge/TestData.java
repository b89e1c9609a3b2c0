package io.latentbridge;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real datasets: {@code LATENTBRIDGE_DATA}, or ../shared/datasets. */
public final class TestData {

    private TestData() {}

    /** @return the data root; fails (does not skip) when there is none */
    public static Path root() {
        String env = System.getenv("LATENTBRIDGE_DATA");
        Path p = env != null && !env.isBlank() ? Path.of(env)
                : Path.of("..", "..", "shared", "datasets");
        if (!Files.isDirectory(p.resolve("mnist"))) {
            throw new IllegalStateException("test data not found at " + p.toAbsolutePath()
                    + ": set LATENTBRIDGE_DATA to the datasets folder");
        }
        return p.toAbsolutePath().normalize();
    }
}
