package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.app.LogArchiveService;
import org.kho.logarchive.MonthState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kho logs list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List the archived months of every log source in every target: files, size, and the day the "
        + "month may be removed (retention end); and the gaps: months without any log, or closed and not archived."})
final class LogsListCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private LogsCommand.ReadOptions options;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  LogsListCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var catalogue = new CatalogueService(clock).load(options.config.dir());
    LogArchiveService service = new LogArchiveService(clock, "kho " + VersionProvider.version(), System.getenv());
    List<LogArchiveService.TargetMonths> all = service.list(catalogue, options.publicKey.key());
    PrintWriter out = spec.commandLine().getOut();
    List<LogArchiveService.Gap> gaps = all.stream().flatMap(t -> t.months() == null ? java.util.stream.Stream.empty()
        : t.months().stream().filter(MonthState::gap)
            .map(m -> new LogArchiveService.Gap(t.source(), t.target(), m.month(), m.state()))).toList();
    if (options.json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("sources", all);
      view.put("gaps", gaps);
      out.println(Json.write(view));
      return ExitCodes.OK;
    }
    for (LogArchiveService.TargetMonths t : all) {
      out.println(t.source() + " -> " + t.target() + ":");
      if (t.failure() != null) {
        out.println("  cannot read: " + t.failure());
      } else if (t.months().isEmpty()) {
        out.println("  nothing archived yet");
      } else {
        Table table = new Table("MONTH", "STATE", "FILES", "SIZE", "KEEP UNTIL", "SNAPSHOT");
        t.months().forEach(m -> table.row(m.month(), label(m.state()), m.files(), Units.bytes(m.bytes()), m.keepUntil(),
            m.snapshot() == null ? "-" : m.snapshot().substring(0, 8)));
        table.print(out, "  ");
      }
    }
    out.println(gaps.isEmpty() ? "no gaps" : ProblemsView.count(gaps.size(), "gap") + ": "
        + String.join(", ", gaps.stream().map(g -> g.source() + " " + g.month() + " (" + label(g.state()) + ")").toList()));
    return ExitCodes.OK;
  }

  static String label(MonthState.State s) {
    return switch (s) {
      case ARCHIVED -> "archived";
      case EMPTY -> "GAP: no logs";
      case PARTIAL -> "partial (open)";
      case MISSING -> "GAP: not archived";
    };
  }
}
