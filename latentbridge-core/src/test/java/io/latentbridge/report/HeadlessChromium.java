package io.latentbridge.report;

import io.latentbridge.data.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in headless Chromium (Debian's {@code chromium}) and reads how many of its
 * images decoded, from the marks {@link HtmlPage}'s script puts on the body after the load.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    /** @return the Chromium executable, if one is installed */
    public static Optional<Path> find() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param chromium the executable
     * @param page the HTML file
     * @return {loaded, total} images
     * @throws IOException when Chromium cannot run
     * @throws InterruptedException when interrupted
     */
    public static int[] images(Path chromium, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lb-chromium");
        try {
            ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless",
                    "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                    "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("chromium did not finish");
            }
            Matcher m = Pattern
                    .compile("data-images-loaded=\"(\\d+)\" data-images-total=\"(\\d+)\"")
                    .matcher(dom);
            if (!m.find()) {
                throw new IOException("the page's load marks are missing; chromium printed: "
                        + dom.substring(0, Math.min(300, dom.length())));
            }
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        } finally {
            // Chromium leaves a profile of a few hundred files; each call removes its own
            FileTrees.delete(profile);
        }
    }
}
