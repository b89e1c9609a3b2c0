package io.latentbridge;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real datasets: {@code LATENTBRIDGE_DATA}, or ../shared/datasets. */
public final class TestData {

    private TestData() {}

    /** @return the data root; fails (does not skip) when there is none */
    public static Path root() {
        String env = System.getenv("LATENTBRIDGE_DATA");
        // tests run in the module folder; a relative path means relative to the project root
        Path project = Path.of(System.getProperty("latentbridge.root", ".."));
        Path p = project.resolve(env != null && !env.isBlank() ? env : "../shared/datasets");
        if (!Files.isDirectory(p.resolve("mnist"))) {
            throw new IllegalStateException("test data not found at " + p.toAbsolutePath()
                    + ": set LATENTBRIDGE_DATA to the datasets folder");
        }
        return p.toAbsolutePath().normalize();
    }
}
