package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.app.LogArchiveService;
import org.kho.restore.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho logs restore}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore one archived month of a log source into an empty folder, verified against the snapshot.",
        "Files land under their original paths inside the target (TARGET/var/log/...); a file that spanned a month "
            + "boundary comes back as the part of it that belongs to the month."})
final class LogsRestoreCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ConfigOption config;
  @Mixin
  private LogsCommand.PublicKeyOption publicKey;
  @Parameters(index = "0", paramLabel = "SOURCE", description = "The log source id.")
  private String source;
  @Parameters(index = "1", paramLabel = "YYYY-MM", description = "The month.")
  private String month;
  @Option(names = {"-t", "--target"}, required = true, paramLabel = "DIR", description = "An empty or new folder to restore into.")
  private Path target;
  @Option(names = "--from", paramLabel = "TARGET", description = "Restore from this catalogue target (default: the first that has the month).")
  private String from;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  LogsRestoreCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var catalogue = new CatalogueService(clock).load(config.dir());
    RestoreResult result;
    try (ProgressBar bar = new ProgressBar("restore", !json)) {
      result = new LogArchiveService(clock, "kho " + VersionProvider.version(), System.getenv()).restore(catalogue,
          source, LogsCommand.month(month), target, Optional.ofNullable(from), publicKey.key(), bar);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(result));
    } else {
      out.printf("restored %s %s (snapshot %s) into %s: %d files, %s; %d verified%n", source, month,
          result.snapshot().shortId(), target, result.files(), Units.bytes(result.bytes()), result.verified());
      result.failures().forEach(f -> out.println("  FAILED " + f.path() + ": " + f.what()));
    }
    return result.ok() ? ExitCodes.OK : ExitCodes.DAMAGED;
  }
}
