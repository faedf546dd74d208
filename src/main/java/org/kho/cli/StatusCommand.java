package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.app.StateAccess;
import org.kho.app.StatusService;
import org.kho.state.Run;
import org.kho.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho status}: what needs a person, item by item. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show, for each catalogue item, its last successful and failed backups, its next run, whether it "
        + "is overdue (its last success is older than its schedule allows), its copies and its last restore drill.",
        "Exits with code " + ExitCodes.ATTENTION + " when any item is overdue or failing, so monitoring can call it."})
final class StatusCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ConfigOption config;
  @Mixin
  private StateOptions state;
  @Option(names = "--json", description = "Print the status as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  StatusCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var catalogue = new CatalogueService(clock).load(config.dir());
    StatusService.Report report;
    try (StateStore store = new StateAccess(System.getenv(), clock).open(config.dir(), state.options(), 2)) {
      report = new StatusService(clock).status(catalogue, store);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(view(report)));
    } else {
      print(report, out);
    }
    return report.needsAttention() ? ExitCodes.ATTENTION : ExitCodes.OK;
  }

  private static Map<String, Object> view(StatusService.Report report) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("at", report.at());
    v.put("state", report.state());
    v.put("needsAttention", report.needsAttention());
    v.put("items", report.items().stream().map(StatusCommand::view).toList());
    return v;
  }

  private static Map<String, Object> view(StatusService.ItemStatus s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("item", s.item());
    v.put("name", s.name());
    v.put("lastSuccess", s.lastSuccess().map(StatusCommand::run));
    v.put("lastFailure", s.lastFailure().map(StatusCommand::run));
    v.put("running", s.running());
    v.put("nextRun", s.nextRun());
    v.put("overdue", s.overdue());
    v.put("dueBy", s.dueBy());
    v.put("failing", s.failing());
    v.put("copies", s.copies());
    v.put("lastDrill", s.lastDrill().map(Object::toString).orElse("never"));
    return v;
  }

  private static Map<String, Object> run(Run r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", r.id());
    v.put("outcome", r.outcome().label());
    v.put("cause", r.cause().label());
    v.put("scheduledFor", r.scheduledFor());
    v.put("startedAt", r.startedAt());
    v.put("finishedAt", r.finishedAt());
    v.put("node", r.node());
    v.put("files", r.figures().files());
    v.put("bytes", r.figures().bytes());
    v.put("bytesAdded", r.figures().bytesAdded());
    v.put("detail", r.detail());
    v.put("error", r.error());
    return v;
  }

  private void print(StatusService.Report report, PrintWriter out) {
    Table table = new Table("ITEM", "LAST SUCCESS", "LAST FAILURE", "NEXT RUN", "COPIES", "LAST DRILL", "STATE");
    for (StatusService.ItemStatus s : report.items()) {
      table.row(s.item(), s.lastSuccess().map(r -> ago(r.startedAt(), report.at())).orElse("never"),
          s.lastFailure().map(r -> ago(r.startedAt(), report.at())).orElse("-"),
          s.nextRun().map(t -> t.toOffsetDateTime().toString()).orElse("not scheduled"), s.copies(),
          s.lastDrill().map(Object::toString).orElse("never"), state(s));
    }
    table.print(out, "");
    for (StatusService.ItemStatus s : report.items()) {
      s.lastFailure().filter(f -> s.failing()).ifPresent(f -> out.printf("%s: last run %s: %s%n", s.item(),
          f.outcome().label(), f.error()));
    }
    List<StatusService.ItemStatus> attention = report.items().stream().filter(StatusService.ItemStatus::needsAttention)
        .toList();
    out.println(attention.isEmpty() ? "All items are up to date."
        : attention.size() + " of " + report.items().size() + " items need attention.");
  }

  private static String state(StatusService.ItemStatus s) {
    String state = s.failing() ? "FAILING" : s.overdue() ? "OVERDUE" : "ok";
    if (s.failing() && s.overdue()) {
      state = "FAILING, OVERDUE";
    }
    return s.running() ? state + " (running)" : state;
  }

  private static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    String text = d.toDays() > 1 ? d.toDays() + " days" : d.toHours() > 1 ? d.toHours() + " hours"
        : d.toMinutes() > 1 ? d.toMinutes() + " min" : Math.max(0, d.toSeconds()) + " s";
    return text + " ago";
  }
}
