package io.latentbridge.cli;

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
        description = "List and verify datasets.",
        subcommands = {DataCommand.ListCommand.class, DataCommand.VerifyCommand.class})
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
            System.out.println("Also: folder:PATH reads PATH/{train,test}/<class>/*.png|jpg.");
            return 0;
        }
    }

    /** {@code data verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Read every present file of every catalog dataset and check magic "
                    + "numbers, counts, shapes, value ranges and SHA-256. Exits 2 if anything is wrong.")
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
            if (failed) {
                rows.stream().filter(r -> r.status() == DatasetVerifier.Status.FAIL).findFirst()
                        .ifPresent(r -> System.err.println("latentbridge: " + r.detail()));
                return Main.USAGE;
            }
            System.out.println(present + " of " + rows.size() + " files present, all OK.");
            return 0;
        }
    }
}
