package org.kho.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.kho.app.DrillReportService;
import org.kho.drill.DrillStatement;

/** A drill report as text for the terminal, the signature check first. */
final class DrillText {
  /** Lines of a command's output shown in the terminal. */
  private static final int OUTPUT_LINES = 10;

  private DrillText() {}

  static String render(DrillReportService.Checked c) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    DrillStatement s = c.report().statement();
    out.println(c.verified() ? "Signature: verified with the agency key " + c.check().orElseThrow().key()
        : "Signature: NOT VERIFIED (" + c.check().orElseThrow().detail() + "): do not rely on this report");
    out.println();
    out.println("Drill report " + s.id() + " (" + c.report().source() + ")");
    out.println("  plan:      " + s.plan() + (s.description() == null ? "" : " — " + s.description()));
    out.println("  host:      " + dash(s.host()) + ", restored from " + dash(s.target()));
    out.println("  started:   " + dash(s.started()) + ", finished " + dash(s.finished()));
    out.println("  outcome:   " + s.outcome());
    s.reasons().forEach(r -> out.println("    - " + r));
    out.println();
    items(s, out);
    out.println();
    out.println("RTO: " + DrillListCommand.met(s.rto()));
    out.println("RPO: " + DrillListCommand.met(s.rpo()));
    out.println("Selection: seed " + s.seed() + ", slice " + s.slice().index() + " of " + s.slice().count());
    commands(s, out);
    list("Corrective actions", s.corrective(), out);
    out.println();
    out.println("Operator: " + dash(s.operator()) + "; witness: " + dash(s.witness()));
    out.println("Signed by key " + c.report().signer());
    out.flush();
    return text.toString().stripTrailing();
  }

  private static void items(DrillStatement s, PrintWriter out) {
    Table t = new Table("ITEM", "TARGET", "SNAPSHOT", "TAKEN", "CHOICE", "IN SNAPSHOT", "RESTORED", "VERIFIED", "DAMAGED");
    for (DrillStatement.Item i : s.items()) {
      t.row(i.item(), dash(i.target()), i.shortSnapshot(), dash(i.snapshotTime()), dash(i.choice()),
          i.filesInSnapshot() + " / " + Units.bytes(i.bytesInSnapshot()),
          i.filesRestored() + " / " + Units.bytes(i.bytesRestored()),
          i.filesVerified() + " / " + Units.bytes(i.bytesVerified()), i.damaged().size());
    }
    t.print(out, "");
    s.items().forEach(i -> i.damaged().forEach(d -> out.println("  damaged: " + i.item() + ": " + d)));
  }

  private static void commands(DrillStatement s, PrintWriter out) {
    for (DrillStatement.Command c : s.commands()) {
      out.println();
      out.println("Command " + dash(c.name()) + ": " + (c.passed() ? "passed" : "FAILED") + ", exit " + c.exit()
          + ", " + Units.duration(c.took()));
      out.println("  $ " + String.join(" ", c.command()));
      List<String> lines = c.output().strip().lines().toList();
      lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()).forEach(l -> out.println("  | " + l));
    }
  }

  private static void list(String title, List<String> entries, PrintWriter out) {
    if (!entries.isEmpty()) {
      out.println();
      out.println(title);
      entries.forEach(e -> out.println("  - " + e));
    }
  }

  private static String dash(Object o) {
    return o == null ? "-" : o.toString();
  }
}
