package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.app.CommandStreams;
import org.kho.core.UsageException;
import org.kho.repository.Repository;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreResult;
import org.kho.restore.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho restore}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a snapshot, or chosen paths of it, into an empty folder; or stream one stored file into "
        + "a command: kho restore latest --include /hr.dump --to-command \"pg_restore -d hr\"",
        "Files land under their original absolute paths inside the target (TARGET/srv/data/...), with modes, "
            + "times, links and (as root) owners. Damaged data is never written as good: such files are left out and listed."})
final class RestoreCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "'latest' or a snapshot id (at least 4 hex digits).")
  private String snapshot;
  @Option(names = {"-t", "--target"}, paramLabel = "DIR", description = "An empty or new folder to restore into.")
  private Path target;
  @Option(names = "--to-command", paramLabel = "LINE", description = "Instead of a folder, stream the one file named "
      + "by --include into the standard input of this command (e.g. \"pg_restore -d hr\"); every chunk is verified on "
      + "the way, and the command's exit status is checked. Damaged data stops the command instead of ending its input.")
  private String toCommand;
  @Mixin
  private CommandOptions commandOptions;
  @Option(names = {"-i", "--include"}, paramLabel = "PATH", description = "Restore only this path of the snapshot "
      + "(as backed up, e.g. /srv/data/reports). Repeatable.")
  private List<String> includes = new ArrayList<>();
  @Option(names = "--verify", description = "Read back every restored file and check it against the snapshot's chunk ids.")
  private boolean verify;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  RestoreCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if ((target == null) == (toCommand == null)) {
      throw new UsageException("give exactly one of --target DIR and --to-command LINE",
          "--target restores into a folder; --to-command streams one file (--include PATH) into a command");
    }
    return toCommand != null ? toCommand() : toFolder();
  }

  private int toCommand() {
    if (includes.size() != 1) {
      throw new UsageException("--to-command takes exactly one file, named with --include PATH",
          "e.g. --include /hr.dump; 'kho ls SNAPSHOT' lists the paths");
    }
    long start = System.nanoTime();
    RestoreResult result;
    try (Repository r = repo.openForData(clock); ProgressBar bar = new ProgressBar("restore", !json)) {
      result = new CommandStreams(System.getenv()).restoreTo(r, snapshot, includes.getFirst(),
          commandOptions.command(toCommand, "--to-command"), bar);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(result));
    } else {
      out.printf("streamed %s of snapshot %s (%s) into '%s' in %s; the command succeeded%n", includes.getFirst(),
          result.snapshot().shortId(), Units.bytes(result.bytes()), toCommand, Units.duration(secs));
    }
    return ExitCodes.OK;
  }

  private int toFolder() {
    long start = System.nanoTime();
    RestoreResult result;
    try (Repository r = repo.openForData(clock); ProgressBar bar = new ProgressBar("restore", !json)) {
      result = new RestoreService(r).run(new RestoreRequest(snapshot, target, includes, verify), bar);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(result));
    } else {
      out.printf("restored snapshot %s into %s: %d files, %d folders, %s in %s (%s)%s%n", result.snapshot().shortId(),
          target, result.files(), result.dirs(), Units.bytes(result.bytes()), Units.duration(secs),
          Units.rate(result.bytes(), secs), verify ? "; " + result.verified() + " files verified" : "");
      if (!result.ok()) {
        out.printf("FAILED for %d file%s:%n", result.failures().size(), result.failures().size() == 1 ? "" : "s");
        result.failures().forEach(f -> out.println("  " + f.path() + ": " + f.what()));
      }
    }
    return result.ok() ? ExitCodes.OK : ExitCodes.DAMAGED;
  }
}
