package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.app.LogArchiveService;
import org.kho.logarchive.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kho logs verify}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Walk every log source's chain of signed monthly manifests in every target and read every month "
        + "back: a manifest that is missing, altered or out of order, and a month whose data is missing or does not "
        + "match its manifest, are reported by month. Exits 14 when anything is wrong."})
final class LogsVerifyCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private LogsCommand.ReadOptions options;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  LogsVerifyCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var catalogue = new CatalogueService(clock).load(options.config.dir());
    List<LogArchiveService.TargetVerification> all = new LogArchiveService(clock, "kho " + VersionProvider.version(),
        System.getenv()).verify(catalogue, options.publicKey.key());
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(Json.write(all));
    } else {
      all.forEach(v -> print(v, out));
    }
    if (all.stream().anyMatch(v -> v.failure() != null)) {
      return ExitCodes.FAILED;
    }
    return all.stream().allMatch(LogArchiveService.TargetVerification::ok) ? ExitCodes.OK : ExitCodes.DAMAGED;
  }

  private static void print(LogArchiveService.TargetVerification v, PrintWriter out) {
    String who = v.source() + " -> " + v.target();
    if (v.failure() != null) {
      out.println("FAILED " + who + ": " + v.failure());
      return;
    }
    List<YearMonth> intact = v.result().intact();
    out.println((v.ok() ? "OK " : "NOT OK ") + who + ": " + (intact.isEmpty() ? "no month intact"
        : ProblemsView.count(intact.size(), "month") + " intact (" + intact.getFirst() + " to " + intact.getLast() + ")"));
    for (Finding f : v.result().findings()) {
      out.println("  " + (f.month() == null ? "-------" : f.month()) + "  " + f.kind().label() + ": " + f.detail());
    }
  }
}
