package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.DrillReportService;
import org.kho.core.UsageException;
import org.kho.report.DrillCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho drill coverage}. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = {"How much of the catalogue restore drills have proven, per plan and item: drills run and passed "
        + "since --since, the slices of the newest rolling cycle that passed (n/n: every file restored once), "
        + "files and bytes verified, and the last pass. Only reports whose signature verifies count.",
        "Items no drill plan covers are listed as uncovered; then, or when a report's signature does not verify, "
            + "the exit code is " + ExitCodes.ATTENTION + "."})
final class DrillCoverageCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private DrillReportOptions options;
  @Option(names = "--plan", paramLabel = "PLAN", description = "Only this drill plan.")
  private String plan;
  @Option(names = "--since", paramLabel = "DATE", description = "Count drills from this day (YYYY-MM-DD). "
      + "Default: one year ago.")
  private String since;
  @Option(names = "--json", description = "Print the coverage as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  DrillCoverageCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    DrillReportService.Coverage result = new DrillReportService(System.getenv(), clock)
        .coverage(options.sources(), Optional.ofNullable(plan), start());
    DrillCoverage c = result.coverage();
    List<String> warnings = warnings(result);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("since", c.since());
      view.put("signaturesChecked", result.checked());
      view.put("rows", c.rows());
      view.put("uncovered", c.uncovered());
      view.put("rejected", result.rejected());
      view.put("warnings", warnings);
      out.println(Json.write(view));
    } else {
      print(result, warnings, out);
    }
    return c.uncovered().isEmpty() && result.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.ATTENTION;
  }

  private Instant start() {
    if (since == null) {
      return clock.instant().atZone(clock.getZone()).minusYears(1).toInstant();
    }
    try {
      return LocalDate.parse(since.strip()).atStartOfDay(clock.getZone()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("'" + since + "' is not a date", "write it as YYYY-MM-DD, e.g. 2026-01-01");
    }
  }

  private static List<String> warnings(DrillReportService.Coverage result) {
    List<String> w = new ArrayList<>();
    if (!result.coverage().uncovered().isEmpty()) {
      w.add("no drill plan covers " + String.join(", ", result.coverage().uncovered())
          + ": their backups have never been proven to restore; name a plan with 'drill:' on each item");
    }
    result.coverage().rows().stream().filter(r -> r.passed() == 0).forEach(r -> w.add("item " + r.item()
        + " has not passed a drill of plan " + r.plan() + " in the period"));
    if (!result.rejected().isEmpty()) {
      w.add("left out, signature does not verify: " + String.join(", ", result.rejected())
          + " (check them with 'kho drill show ID')");
    }
    if (!result.checked()) {
      w.add("signatures not checked: no public key at hand (pass --public-key signing.pub)");
    }
    return w;
  }

  private static void print(DrillReportService.Coverage result, List<String> warnings, PrintWriter out) {
    DrillCoverage c = result.coverage();
    out.println("Restore drill coverage since " + c.since());
    out.println();
    Table t = new Table("PLAN", "ITEM", "DRILLS", "PASSED", "CYCLE", "FILES VERIFIED", "BYTES VERIFIED", "LAST PASS");
    c.rows().forEach(r -> t.row(r.plan(), r.item(), r.runs(), r.passed(),
        r.sliceCount() == 0 ? "-" : r.slicesPassed() + "/" + r.sliceCount() + (r.cycleComplete() ? " complete" : ""),
        r.filesVerified(), Units.bytes(r.bytesVerified()), r.lastPass() == null ? "never" : r.lastPass()));
    if (c.rows().isEmpty()) {
      out.println("no drill plans and no drill reports");
    } else {
      t.print(out, "");
    }
    if (!c.uncovered().isEmpty()) {
      out.println();
      out.println("UNCOVERED (no drill plan): " + String.join(", ", c.uncovered()));
    }
    warnings.forEach(w -> out.println("WARNING: " + w));
  }
}
