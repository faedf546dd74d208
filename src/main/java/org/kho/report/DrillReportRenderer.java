package org.kho.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kho.drill.DrillStatement;
import org.kho.drill.DrillStatement.Command;
import org.kho.drill.DrillStatement.Objective;
import org.kho.evidence.SignedDrillReport;

/**
 * A signed restore drill report for people, in Vietnamese or English, as HTML (screen) and PDF (print,
 * archive, an auditor's sign-off): the outcome with its reasons, what each item restored and
 * verified, RTO and RPO against their targets, the seed and slice that replay the selection, the
 * verification commands with their output, corrective actions, lines for the operator's and
 * witness's signatures, and how to check the digital signature.
 */
public final class DrillReportRenderer {
  /** Lines of a command's output printed on paper; the signed JSON keeps all of it. */
  static final int OUTPUT_LINES = 25;
  /** Characters of a command's output printed on paper. */
  static final int OUTPUT_CHARS = 3000;
  private final Pdf pdf;

  public DrillReportRenderer(Pdf pdf) {
    this.pdf = pdf;
  }

  /**
   * What to render.
   *
   * @param signed the signed report
   * @param check the result of checking its signature when rendering
   * @param agency the agency's name for the heading, or null
   */
  public record Input(SignedDrillReport signed, SignedDrillReport.Check check, String agency) {}

  public String html(Input in, Texts t) {
    return Templates.html("drill-report", Map.of("d", model(in, t)), t);
  }

  public byte[] pdf(Input in, Texts t) {
    return pdf.render(html(in, t), t.get("tool.producer"));
  }

  private static Map<String, Object> model(Input in, Texts t) {
    DrillStatement s = in.signed().statement();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("agency", in.agency() == null ? "" : in.agency());
    m.put("plan", s.plan());
    m.put("description", orDash(s.description()));
    m.put("host", orDash(s.host()));
    m.put("repository", orDash(s.repository()));
    m.put("target", orDash(s.target()));
    m.put("started", s.started() == null ? "—" : t.time(s.started()));
    m.put("finished", s.finished() == null ? "—" : t.time(s.finished()));
    m.put("duration", s.started() == null || s.finished() == null ? "—"
        : t.duration(Duration.between(s.started(), s.finished())));
    m.put("outcomeCode", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
    m.put("word", t.get("drill.word." + s.outcome().name()));
    m.put("outcome", t.get("drill.outcome." + s.outcome().name()));
    m.put("reasons", s.reasons());
    m.put("corrective", s.corrective());
    m.put("items", s.items().stream().map(i -> item(i, t)).toList());
    m.put("damaged", s.items().stream().flatMap(i -> i.damaged().stream().map(d -> i.item() + ": " + d)).toList());
    m.put("totals", totals(s, t));
    m.put("objectives", List.of(objective("RTO", t.get("drill.rto"), s.rto(), t),
        objective("RPO", t.get("drill.rpo"), s.rpo(), t)));
    m.put("seed", Long.toString(s.seed()));
    m.put("sliceIndex", s.slice().index());
    m.put("sliceCount", s.slice().count());
    m.put("sliceText", t.get(s.slice().count() == 1 ? "drill.slice.all" : "drill.slice.part")
        .replace("{index}", Integer.toString(s.slice().index())).replace("{count}", Integer.toString(s.slice().count()))
        .replace("{percent}", t.number(Math.round(100.0 / s.slice().count()))));
    m.put("commands", s.commands().stream().map(c -> command(c, t)).toList());
    m.put("operator", orDash(s.operator()));
    m.put("witness", orDash(s.witness()));
    m.put("signer", in.signed().signer());
    m.put("signature", in.signed().record().signature());
    m.put("verified", in.check().verified());
    m.put("checkDetail", in.check().verified() ? t.get("drill.checked.ok") + " " + in.check().key()
        : t.get("drill.checked.bad") + " " + in.check().detail());
    m.put("checkKey", in.check().key());
    return m;
  }

  private static Map<String, Object> item(DrillStatement.Item i, Texts t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item", i.item());
    m.put("target", i.target() == null ? "" : i.target());
    m.put("snapshot", i.shortSnapshot());
    m.put("snapshotTime", i.snapshotTime() == null ? "—" : t.shortTime(i.snapshotTime()));
    m.put("choice", i.choice() == null ? "—" : t.get("drill.choice." + i.choice().toLowerCase(java.util.Locale.ROOT)));
    m.put("inSnapshot", t.number(i.filesInSnapshot()) + " / " + t.shortSize(i.bytesInSnapshot()));
    m.put("restored", t.number(i.filesRestored()) + " / " + t.shortSize(i.bytesRestored()));
    m.put("verified", t.number(i.filesVerified()) + " / " + t.shortSize(i.bytesVerified()));
    m.put("damaged", t.number(i.damaged().size()));
    m.put("bad", !i.damaged().isEmpty());
    return m;
  }

  private static Map<String, Object> totals(DrillStatement s, Texts t) {
    long files = s.items().stream().mapToLong(DrillStatement.Item::filesRestored).sum();
    long bytes = s.items().stream().mapToLong(DrillStatement.Item::bytesRestored).sum();
    return Map.of("restored", t.number(files) + " / " + t.shortSize(bytes),
        "verified", t.number(s.filesVerified()) + " / " + t.shortSize(s.bytesVerified()),
        "damaged", t.number(s.items().stream().mapToLong(i -> i.damaged().size()).sum()));
  }

  private static Map<String, Object> objective(String code, String name, Objective o, Texts t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    if (o == null) {
      m.put("target", "—");
      m.put("measured", "—");
      m.put("met", true);
      m.put("result", t.get("drill.objective.unknown"));
      return m;
    }
    m.put("target", o.target().map(t::span).orElse(t.get("drill.objective.none")));
    m.put("measured", t.span(o.measured()));
    m.put("met", o.met());
    m.put("result", t.get(o.met() ? "drill.objective.met" : "drill.objective.missed"));
    return m;
  }

  private static Map<String, Object> command(Command c, Texts t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", orDash(c.name()));
    m.put("argv", String.join(" ", c.command()));
    m.put("exit", c.exit());
    m.put("seconds", t.duration(c.took()));
    m.put("passed", c.passed());
    m.put("result", t.get(c.passed() ? "drill.command.passed" : "drill.command.failed"));
    Clip clip = clip(c.output());
    m.put("output", clip.text());
    m.put("clipped", clip.clipped());
    return m;
  }

  /** The last {@link #OUTPUT_LINES} lines (at most {@link #OUTPUT_CHARS} characters) of an output. */
  static Clip clip(String output) {
    List<String> lines = new ArrayList<>(output.strip().lines().toList());
    boolean clipped = false;
    if (lines.size() > OUTPUT_LINES) {
      lines = lines.subList(lines.size() - OUTPUT_LINES, lines.size());
      clipped = true;
    }
    String text = String.join("\n", lines);
    if (text.length() > OUTPUT_CHARS) {
      text = text.substring(text.length() - OUTPUT_CHARS);
      clipped = true;
    }
    return new Clip(text, clipped);
  }

  /** A command's output as printed, and whether lines were left out. */
  record Clip(String text, boolean clipped) {}

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }
}
