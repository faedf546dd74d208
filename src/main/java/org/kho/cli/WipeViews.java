package org.kho.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.kho.app.WipeService;
import org.kho.wipe.Device;
import org.kho.wipe.Journal;
import org.kho.wipe.Note;
import org.kho.wipe.Pass;
import org.kho.wipe.Refusal;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipePlan;

/** How wipe plans and results are printed, as text and as JSON. */
final class WipeViews {
  private WipeViews() {}

  static Map<String, Object> plan(WipePlan p) {
    return WipeCommand.map("device", p.device(), "method", p.method().label(), "category", p.category(),
        "passes", p.passes().stream().map(Pass::label).toList(), "verify", p.verify().label(), "commands", p.commands(),
        "allowed", p.allowed(), "refusals", p.refusals(), "resume", p.resume().orElse(null), "notes", p.notes(),
        "confirmWith", p.device().confirmationSource());
  }

  static void printPlan(WipeService.Planned planned, WipeService.Setup setup, PrintWriter out) {
    WipePlan p = planned.plan();
    Device d = p.device();
    out.println("Plan: wipe " + d.path() + " (" + d.media().label() + ", " + Units.bytes(d.size()) + ")");
    Rows t = new Rows();
    t.row("make/model", d.makeAndModel());
    t.row("serial", d.confirmation() + "  (" + d.confirmationSource() + ")");
    if (d.backingFile() != null) {
      t.row("backing file", d.backingFile());
    }
    t.row("method", p.method().label() + ": " + p.method().description() + " — NIST " + p.category().label());
    if (!p.passes().isEmpty()) {
      t.row("passes", p.passes().size() + ": " + String.join(", ", p.passes().stream().map(Pass::label).toList()));
      t.row("verify", p.verify().label() + " (direct reads from the device)");
      t.row("moves", Units.bytes(p.bytesToMove()) + " written and read");
    }
    p.commands().forEach(c -> t.row("runs", String.join(" ", c)));
    p.resume().ifPresent(s -> t.row("resumes", resume(s)));
    t.row("register", setup.register().dir().toString());
    t.print(out);
    p.notes().forEach(n -> out.println("  note: " + n.text()));
    if (!p.allowed()) {
      out.println();
      out.println("REFUSED:");
      for (Refusal r : p.refusals()) {
        out.println("  - " + r.detail());
        out.println("    " + r.hint());
      }
      return;
    }
    out.println();
    out.println("Nothing was written. To wipe it, type the " + d.confirmationSource().replaceAll(" \\(.*", "")
        + " (for a disk: from its label) and add --yes:");
    out.println("  kho wipe " + planned.request().device() + " --method " + p.method().label()
        + (p.passes().isEmpty() ? "" : " --verify " + p.verify().label()) + " --confirm-serial SERIAL --yes");
  }

  private static String resume(Journal.State s) {
    return "pass " + (s.pass() + 1) + (s.verifying() ? " (verifying)" : "") + " at " + Units.bytes(s.offset()) + " of "
        + Units.bytes(s.size()) + ", started " + s.started() + ", interrupted " + (s.interruptions() + 1) + " time(s)";
  }

  static Map<String, Object> done(WipeService.Done done) {
    return WipeCommand.map("certificate", done.certificate(), "file", done.file(), "signer", done.signed().signer(),
        "rendered", done.rendered().stream().map(Object::toString).toList(), "renderProblem", done.renderProblem());
  }

  static void printDone(WipeService.Done done, PrintWriter out) {
    WipeCertificate c = done.certificate();
    WipeCertificate.Verification v = c.verification();
    out.println(c.outcome() + ": " + c.device().path() + " (serial " + c.device().serial() + "), " + c.method()
        + ", NIST " + c.category().label() + "; verification " + v.result().name().toLowerCase(java.util.Locale.ROOT)
        + (v.bytesRead() > 0 ? " (" + Units.bytes(v.bytesRead()) + " read back, " + v.bytesMismatched() + " bytes differ)" : ""));
    c.notes().stream().map(Note::text).forEach(n -> out.println("  note: " + n));
    out.println("  certificate " + c.id() + ", signed by key " + done.signed().signer() + ": " + done.file());
    done.rendered().forEach(f -> out.println("  " + f));
    if (done.renderProblem() != null) {
      out.println("  no PDF: " + done.renderProblem());
    }
    out.println("  check it: kho evidence verify --public-key signing.pub " + done.file());
  }

  /** Label and value lines, labels padded to one width. */
  private static final class Rows {
    private final java.util.List<String[]> rows = new java.util.ArrayList<>();

    void row(String label, String value) {
      rows.add(new String[] {label, value});
    }

    void print(PrintWriter out) {
      int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
      rows.forEach(r -> out.println("  " + r[0] + " ".repeat(w - r[0].length() + 2) + r[1]));
    }
  }

  static List<String> methods(WipeService.DeviceStatus s) {
    return s.methods().stream().map(m -> m.label()).toList();
  }
}
