package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.DrillReportService;
import org.kho.drill.DrillStatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho drill list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List the signed drill reports, oldest first: id, plan, when it finished, outcome, items, "
        + "whether the RTO and RPO targets were met, and whether the signature verifies (when a key is at hand)."})
final class DrillListCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private DrillReportOptions options;
  @Option(names = "--plan", paramLabel = "PLAN", description = "Only the reports of this drill plan.")
  private String plan;
  @Option(names = "--json", description = "Print the list as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  DrillListCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    List<DrillReportService.Checked> all = new DrillReportService(System.getenv(), clock)
        .list(options.sources(), Optional.ofNullable(plan));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(all.stream().map(DrillListCommand::view).toList()));
      return ExitCodes.OK;
    }
    if (all.isEmpty()) {
      out.println("no drill reports" + (plan == null ? "" : " of plan " + plan));
      return ExitCodes.OK;
    }
    Table t = new Table("ID", "PLAN", "FINISHED", "OUTCOME", "ITEMS", "RTO", "RPO", "SIGNATURE");
    for (DrillReportService.Checked c : all) {
      DrillStatement s = c.report().statement();
      t.row(s.id(), s.plan(), s.finished() == null ? "-" : s.finished(), s.outcome(), s.items().size(),
          met(s.rto()), met(s.rpo()), signature(c));
    }
    t.print(out, "");
    return ExitCodes.OK;
  }

  static String met(DrillStatement.Objective o) {
    if (o == null) {
      return "-";
    }
    return (o.met() ? "met" : "MISSED") + " (" + Units.duration(o.measured())
        + o.target().map(d -> " / " + Units.duration(d)).orElse("") + ")";
  }

  static String signature(DrillReportService.Checked c) {
    return c.check().map(k -> k.verified() ? "verified" : "NOT VERIFIED").orElse("not checked");
  }

  private static Map<String, Object> view(DrillReportService.Checked c) {
    DrillStatement s = c.report().statement();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.id());
    v.put("plan", s.plan());
    v.put("started", s.started());
    v.put("finished", s.finished());
    v.put("outcome", s.outcome());
    v.put("items", s.items().stream().map(DrillStatement.Item::item).toList());
    v.put("filesVerified", s.filesVerified());
    v.put("bytesVerified", s.bytesVerified());
    v.put("rto", s.rto());
    v.put("rpo", s.rpo());
    v.put("signer", c.report().signer());
    v.put("signature", signature(c));
    v.put("source", c.report().source());
    return v;
  }
}
