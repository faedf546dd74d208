package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.app.LogArchiveService;
import org.kho.core.TargetId;
import org.kho.logarchive.LogArchive;
import org.kho.logarchive.MonthRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho logs archive}. */
@Command(name = "archive", mixinStandardHelpOptions = true,
    description = {"Archive every closed month of the log sources (all, or those named) into each of their targets.",
        "Each month becomes one snapshot per source and target, tagged with the month, and a manifest (every file's "
            + "name, size, SHA-256, first and last timestamp) signed with the agency key and chained to the month "
            + "before. Months are archived in order, once: running again does nothing new. A month still open is "
            + "refused unless --force. With deleteOriginals in the catalogue, originals whose months are all archived "
            + "and read back intact on every target are listed, and deleted only with --apply."})
final class LogsArchiveCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ConfigOption config;
  @Mixin
  private SigningOption signing;
  @Parameters(paramLabel = "SOURCE", description = "Log source ids (default: all).")
  private List<String> sources = new ArrayList<>();
  @Option(names = "--month", paramLabel = "YYYY-MM", description = "Archive up to this month (default: the last closed one).")
  private String month;
  @Option(names = "--force", description = "Archive --month although it is still open (a partial archive, archived again once it closes).")
  private boolean force;
  @Option(names = "--apply", description = "Delete the originals listed as ready (only where the catalogue says deleteOriginals: true).")
  private boolean apply;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  LogsArchiveCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var catalogue = new CatalogueService(clock).load(config.dir());
    var request = new LogArchiveService.ArchiveRequest(sources, Optional.ofNullable(month).map(LogsCommand::month),
        force, apply, signing.key());
    List<LogArchive.SourceRun> runs;
    try (ProgressBar bar = new ProgressBar("logs", !json)) {
      runs = new LogArchiveService(clock, "kho " + VersionProvider.version(), System.getenv())
          .archive(catalogue, request, bar);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(runs));
    } else {
      runs.forEach(r -> print(r, out));
    }
    boolean failed = runs.stream().flatMap(r -> r.targets().values().stream()).flatMap(List::stream)
        .anyMatch(m -> m.outcome() == MonthRun.Outcome.FAILED);
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void print(LogArchive.SourceRun run, PrintWriter out) {
    for (Map.Entry<TargetId, List<MonthRun>> t : run.targets().entrySet()) {
      out.println(run.source() + " -> " + t.getKey() + ":");
      if (t.getValue().isEmpty()) {
        out.println("  up to date: no closed month is due");
      }
      t.getValue().forEach(m -> out.println("  " + m.month() + "  " + describe(m)));
      t.getValue().forEach(m -> m.problems().forEach(p -> out.println("    " + p)));
    }
    run.notes().forEach(n -> out.println("  note: " + n));
    var o = run.originals();
    if (!o.allowed()) {
      return;
    }
    o.notes().forEach(n -> out.println("  " + n));
    if (!o.deletable().isEmpty()) {
      out.println("  originals ready to delete (run again with --apply to delete them):");
      o.deletable().forEach(p -> out.println("    " + p));
    }
    if (!o.deleted().isEmpty()) {
      out.println("  originals deleted:");
      o.deleted().forEach(p -> out.println("    " + p));
    }
  }

  private static String describe(MonthRun m) {
    return switch (m.outcome()) {
      case ARCHIVED -> "archived: " + m.files() + " file(s), " + Units.bytes(m.bytes()) + ", snapshot "
          + m.snapshot().substring(0, 8) + ", manifest " + m.manifest().substring(0, 8);
      case EMPTY -> "no logs at all: a gap, recorded by an empty signed manifest";
      case PARTIAL -> "archived while still open (partial): " + m.files() + " file(s), " + Units.bytes(m.bytes())
          + "; archived again once it closes";
      case ALREADY -> "archived before: nothing to do";
      case FAILED -> "FAILED: " + m.failure() + "; nothing of this month counts, no original is deleted";
    };
  }
}
