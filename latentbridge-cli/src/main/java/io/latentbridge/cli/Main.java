package io.latentbridge.cli;

import io.latentbridge.data.DataException;
import io.latentbridge.run.ConfigException;
import io.latentbridge.run.Provenance;
import io.latentbridge.train.CheckpointException;
import io.latentbridge.train.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code latentbridge} command. */
@Command(name = "latentbridge", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Variational transfer learning on the JVM: domain adaptation, image "
                + "translation and latent bridges between generative models.",
        subcommands = {DataCommand.class, PretrainCommand.class, TrainCommand.class, EvalCommand.class, BenchmarkCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for a user mistake: bad input, bad option, bad data. */
    static final int USAGE = 2;
    /** Exit code for a run that diverged. */
    static final int DIVERGED = 3;
    /** Exit code for a file system failure (a full disk, say) while writing a run. */
    static final int IO_FAILURE = 4;

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command and returns its exit code (tests call this).
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // user mistakes get one line and exit 2; bugs keep their stack trace
            Throwable t = e;
            if (t instanceof DataException || t instanceof ConfigException
                    || t instanceof IllegalArgumentException) {
                commandLine.getErr().println("latentbridge: " + t.getMessage());
                return USAGE;
            }
            if (t instanceof DivergenceException) {
                commandLine.getErr().println("latentbridge: " + t.getMessage());
                return DIVERGED;
            }
            if (t instanceof CheckpointException) {
                commandLine.getErr().println("latentbridge: " + t.getMessage());
                return IO_FAILURE;
            }
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
                Throwable cause = t instanceof java.io.UncheckedIOException && t.getCause() != null
                        ? t.getCause() : t;
                commandLine.getErr().println("latentbridge: cannot write the run: "
                        + (t.getMessage() == null ? "" : t.getMessage())
                        + (cause != t && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""));
                return IO_FAILURE;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"latentbridge " + Provenance.version()};
        }
    }
}
