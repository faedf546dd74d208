package org.kho.cli;

import java.io.PrintWriter;
import java.util.List;
import org.kho.app.DrillService;
import org.kho.drill.DrillStatement;

/** A drill's result as a person reads it: outcome and reasons first, then items, times and steps. */
final class DrillView {
  private static final int OUTPUT_LINES = 15;

  private DrillView() {}

  static void print(DrillService.Result result, PrintWriter out) {
    DrillStatement s = result.statement();
    out.println("Drill " + s.id() + ": " + s.outcome());
    out.println("  plan " + s.plan() + (s.description().isEmpty() ? "" : " (" + s.description() + ")") + ", target "
        + s.target() + ", host " + s.host() + (s.operator() == null ? "" : ", operator " + s.operator())
        + (s.witness() == null ? "" : ", witness " + s.witness()));
    out.println("  sample: slice " + (s.slice().index() + 1) + " of " + s.slice().count() + " (seed " + s.seed() + ")");
    for (DrillStatement.Item i : s.items()) {
      out.printf("  item %s from target %s: snapshot %s of %s (%s): %d of %d files restored, %d verified (%s of %s)%n",
          i.item(), i.target(), i.snapshot().substring(0, 8), i.snapshotTime(), i.choice(), i.filesRestored(), i.filesInSnapshot(),
          i.filesVerified(), Units.bytes(i.bytesVerified()), Units.bytes(i.bytesInSnapshot()));
      i.damaged().forEach(d -> out.println("    DAMAGED " + d));
    }
    out.println("  RTO: " + objective(s.rto()) + "  (restore and verification)");
    out.println("  RPO: " + objective(s.rpo()) + "  (age of the oldest restored snapshot)");
    for (DrillStatement.Command c : s.commands()) {
      out.printf("  step '%s': %s (%s)%n", c.name(), c.passed() ? "passed" : "FAILED" + (c.exit() > 0 ? ", exit " + c.exit() : ""),
          Units.duration(c.took()));
      if (!c.passed()) {
        List<String> lines = c.output().lines().toList();
        lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()).forEach(l -> out.println("      " + l));
      }
    }
    for (int k = 0; k < s.reasons().size(); k++) {
      out.println("  reason: " + s.reasons().get(k));
      if (k < s.corrective().size()) {
        out.println("    what to do: " + s.corrective().get(k));
      }
    }
    result.records().forEach((target, record) -> out.println("  signed report: evidence/" + record + " in target " + target));
    out.println("  check it with: kho evidence verify --repo REPOSITORY --public-key signing.pub");
  }

  private static String objective(DrillStatement.Objective o) {
    String measured = Units.duration(o.measured());
    if (o.targetSeconds() == null) {
      return measured + ", no target set";
    }
    return measured + " against a target of " + Units.duration(o.target().orElseThrow()) + ": " + (o.met() ? "met" : "MISSED");
  }
}
