package org.kho.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;

/**
 * A signed wipe certificate for people: one A4 page in Vietnamese or English, as HTML (screen) and
 * PDF (print and archive), with the facts of the signed statement, lines for the operator's and
 * witness's handwritten signatures, and how to check the digital signature.
 */
public final class WipeCertificateReport {
  private final Pdf pdf;

  public WipeCertificateReport(Pdf pdf) {
    this.pdf = pdf;
  }

  /**
   * What to render.
   *
   * @param signed the signed certificate
   * @param agency the agency's name for the heading, or null
   * @param file the name of the certificate's JSON file, for the verification hint
   */
  public record Input(SignedCertificate signed, String agency, String file) {}

  public String html(Input in, Texts t) {
    return Templates.html("wipe-certificate", Map.of("c", model(in, t)), t);
  }

  public byte[] pdf(Input in, Texts t) {
    return pdf.render(html(in, t), t.get("tool.producer"));
  }

  private static Map<String, Object> model(Input in, Texts t) {
    WipeCertificate c = in.signed().certificate().orElseThrow(() -> new IllegalArgumentException("not a wipe certificate"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("agency", in.agency() == null ? "" : in.agency());
    m.put("assetTag", orDash(c.assetTag()));
    m.put("vendor", orDash(c.device().vendor()));
    m.put("model", orDash(c.device().model()));
    m.put("serial", orDash(c.device().serial()));
    m.put("capacity", t.size(c.device().capacity()));
    m.put("media", t.get("media." + c.device().media().label()));
    m.put("transport", c.device().transport() == null ? "—" : c.device().transport().toUpperCase(Locale.ROOT));
    m.put("path", c.device().path());
    m.put("method", c.method());
    m.put("methodDescription", t.get("method." + c.method()));
    m.put("category", t.get("category." + c.category().name()));
    m.put("passes", c.passes().isEmpty() ? "—" : String.join(" → ", c.passes()));
    m.put("passesCompleted", c.passes().isEmpty() ? "—" : c.passesCompleted() + " / " + c.passes().size());
    m.put("verifyMode", t.get("verify." + c.verification().mode()));
    m.put("verifyResult", t.get("result." + c.verification().result().name()));
    m.put("verifyPassed", c.verification().result() != WipeCertificate.Verification.Result.FAILED);
    m.put("bytesRead", t.size(c.verification().bytesRead()));
    m.put("bytesMismatched", t.number(c.verification().bytesMismatched()));
    m.put("started", t.time(c.started()));
    m.put("finished", t.time(c.finished()));
    m.put("duration", t.duration(Duration.between(c.started(), c.finished())));
    m.put("operator", orDash(c.operator()));
    m.put("witness", orDash(c.witness()));
    m.put("host", c.host());
    m.put("tool", c.tool());
    m.put("directIo", t.get(c.directIo() ? "yes" : "no"));
    m.put("interruptions", t.number(c.interruptions()));
    m.put("erased", c.outcome() == WipeCertificate.Outcome.ERASED);
    m.put("outcome", t.get("outcome." + c.outcome().name()));
    List<String> notes = c.notes().stream().map(n -> t.get("note." + n.name())).toList();
    m.put("notes", notes);
    m.put("signer", in.signed().signer());
    m.put("signature", in.signed().signature());
    m.put("file", in.file());
    return m;
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }
}
