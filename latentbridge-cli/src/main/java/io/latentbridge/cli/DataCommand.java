package io.latentbridge.cli;

import io.latentbridge.data.DataException;
import io.latentbridge.data.DomainSamples;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.generated.GeneratedDomains;
import io.latentbridge.report.ImageGrid;
import java.io.IOException;
import java.nio.file.Files;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import io.latentbridge.data.Catalog;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.DatasetFile;
import io.latentbridge.data.DatasetSpec;
import io.latentbridge.data.DatasetVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code latentbridge data}: the dataset catalog and its verification. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "List, verify and preview datasets.",
        subcommands = {DataCommand.ListCommand.class, DataCommand.VerifyCommand.class,
                DataCommand.PreviewCommand.class})
final class DataCommand {

    /** {@code data list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show the catalog: each dataset's splits, sizes and where each file was found.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            DataRoots roots = DataRoots.resolve(data.dataDir, false);
            System.out.printf("%-14s %-6s %7s  %-28s %s%n", "DATASET", "SPLIT", "ITEMS", "FILE",
                    "FOUND AT");
            for (DatasetSpec d : new Catalog().datasets()) {
                for (DatasetSpec.Split s : d.splits()) {
                    for (DatasetFile f : s.files()) {
                        String where = roots.find(d.name(), f).map(Path::toString)
                                .orElse("missing (downloads from " + f.url() + ")");
                        System.out.printf("%-14s %-6s %7d  %-28s %s%n", d.name(), s.name(),
                                s.count(), f.fileName(), where);
                    }
                }
            }
            System.out.println();
            System.out.println("Generated domains (made once from a recipe into "
                    + roots.cache().resolve("generated") + "; NAME or NAME:seed=S,train=N,test=M):");
            System.out.printf("  %-10s %s%n", "syndigits", "font-rendered colour digits, 32x32 RGB "
                    + "(default seed 1, 25000 train / 5000 test)");
            System.out.printf("  %-10s %s%n", "mnistm", "MNIST blended with photograph crops, "
                    + "28x28 RGB (default seed 1, 60000 / 10000)");
            List<GeneratedDomains.Stored> cached = DomainSamples.generated(roots, null).cached();
            for (GeneratedDomains.Stored g : cached) {
                GeneratedDomains.Manifest m = g.manifest();
                System.out.printf("  cached: %-34s recipe %d, seed %d, %d train / %d test, "
                        + "%d inputs%n", g.dir().getFileName(), m.recipeVersion(), m.seed(),
                        m.train(), m.test(), m.inputs().size());
            }
            System.out.println("Also: folder:PATH reads PATH/{train,test}/<class>/*.png|jpg.");
            return 0;
        }
    }

    /** {@code data verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Read every present file of every catalog dataset and check magic "
                    + "numbers, counts, shapes, value ranges and SHA-256; check every cached "
                    + "generated domain against its manifest and re-generate its first images. "
                    + "Exits 2 if anything is wrong.")
    static final class VerifyCommand implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            DataRoots roots = DataRoots.resolve(data.dataDir, false);
            List<DatasetVerifier.Row> rows = new DatasetVerifier(new Catalog(), roots).verify();
            System.out.printf("%-7s %-14s %-28s %7s  %s%n", "STATUS", "DATASET", "FILE", "ITEMS",
                    "DETAIL");
            boolean failed = false;
            long present = 0;
            for (DatasetVerifier.Row r : rows) {
                System.out.printf("%-7s %-14s %-28s %7s  %s%n", r.status(), r.dataset(), r.file(),
                        r.items() < 0 ? "-" : Integer.toString(r.items()), r.detail());
                failed |= r.status() == DatasetVerifier.Status.FAIL;
                present += r.status() != DatasetVerifier.Status.MISSING ? 1 : 0;
            }
            GeneratedDomains generated = DomainSamples.generated(roots, null);
            List<GeneratedDomains.Stored> cached = generated.cached();
            for (GeneratedDomains.Stored g : cached) {
                List<String> problems = generated.verify(g);
                System.out.printf("%-7s %-14s %-28s %7d  %s%n", problems.isEmpty() ? "OK" : "FAIL",
                        g.manifest().name(), g.dir().getFileName(),
                        g.manifest().train() + g.manifest().test(), problems.isEmpty()
                                ? "files match the manifest; first "
                                        + Math.min(GeneratedDomains.CHECKED_IMAGES,
                                                g.manifest().train())
                                        + " images re-generated identically"
                                : problems.get(0));
                if (!problems.isEmpty() && !failed) {
                    System.err.println("latentbridge: " + g.dir() + ": " + problems.get(0));
                    return Main.USAGE;
                }
            }
            if (failed) {
                rows.stream().filter(r -> r.status() == DatasetVerifier.Status.FAIL).findFirst()
                        .ifPresent(r -> System.err.println("latentbridge: " + r.detail()));
                return Main.USAGE;
            }
            System.out.println(present + " of " + rows.size() + " files present, "
                    + cached.size() + " generated domains cached, all OK.");
            return 0;
        }
    }

    /** {@code data preview}. */
    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Write a PNG grid of training images, one row per class, to see what "
                    + "a domain looks like (generated domains are generated first).")
    static final class PreviewCommand implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", paramLabel = "DOMAIN",
                description = "A catalog name, syndigits[:...], mnistm[:...], or folder:PATH.")
        String domain;

        @Option(names = "--out", required = true, paramLabel = "FILE.png",
                description = "The PNG to write.")
        Path out;

        @Option(names = "--per-class", defaultValue = "12", paramLabel = "N",
                description = "Images per class (default: ${DEFAULT-VALUE}).")
        int perClass;

        @Option(names = "--scale", defaultValue = "3", paramLabel = "S",
                description = "Screen pixels per image pixel (default: ${DEFAULT-VALUE}).")
        int scale;

        @Override
        public Integer call() throws IOException {
            if (scale < 1 || scale > 16) {
                throw new DataException("--scale must be in 1..16, got " + scale);
            }
            if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                throw new DataException(out, "--out must name a .png file");
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new DataException(parent, "folder of --out does not exist");
            }
            DataRoots roots = DataRoots.resolve(data.dataDir, true);
            DomainSamples samples = DomainSamples.read(domain, roots, new Downloader(), perClass);
            ImageGrid.write(samples.rows(), scale, out);
            System.out.println("wrote " + out + ": " + domain + ", one row per class ("
                    + String.join(", ", samples.classes().names()) + "), " + perClass + " each");
            return 0;
        }
    }
}
