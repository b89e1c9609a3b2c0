package io.latentbridge.data.generated;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the inputs of the generated domains are: fonts for {@code syndigits}, photographs for
 * {@code mnistm}.
 *
 * <p>{@code scripts/setup-domains.sh} unpacks a documented set of Debian packages into
 * {@code $LATENTBRIDGE_ASSETS} (default {@code ~/.cache/latentbridge/assets}):
 * {@code fonts/} and {@code photos/}. When those folders are absent, the system's
 * {@code /usr/share/fonts} and an installed {@code python3-skimage}'s data folder are used.
 *
 * @param fonts the folder searched (recursively) for {@code *.ttf} fonts
 * @param photos the folder holding the photographs
 */
public record Assets(Path fonts, Path photos) {

    /** Environment variable naming the assets folder. */
    public static final String ENV = "LATENTBRIDGE_ASSETS";

    /** @return the assets of this machine, per the rules above */
    public static Assets resolve() {
        String env = System.getenv(ENV);
        Path root = env == null || env.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "latentbridge", "assets")
                : Path.of(env);
        Path fonts = root.resolve("fonts");
        Path photos = root.resolve("photos");
        return new Assets(Files.isDirectory(fonts) ? fonts : Path.of("/usr/share/fonts"),
                Files.isDirectory(photos) ? photos
                        : Path.of("/usr/lib/python3/dist-packages/skimage/data"));
    }
}
