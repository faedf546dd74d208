package org.kho.report;

import java.time.ZoneId;
import java.util.Map;

/**
 * The compliance report and the periodic report for people: HTML (screen) and PDF (print and
 * archive) in Vietnamese or English, from the templates {@code compliance.peb} and
 * {@code periodic.peb}.
 */
public final class ComplianceDocuments {
  private final Pdf pdf;

  public ComplianceDocuments(Pdf pdf) {
    this.pdf = pdf;
  }

  public String html(ComplianceReport r, Language language) {
    Texts t = new Texts(language, ZoneId.of(r.zone()));
    return Templates.html("compliance", Map.of("r", r, "f", new ReportFormat(t, ZoneId.of(r.zone()))), t);
  }

  public byte[] pdf(ComplianceReport r, Language language) {
    return pdf.render(html(r, language), "Kho");
  }

  public String html(PeriodicReport r, Language language) {
    Texts t = new Texts(language, ZoneId.of(r.zone()));
    return Templates.html("periodic", Map.of("r", r, "f", new ReportFormat(t, ZoneId.of(r.zone()))), t);
  }

  public byte[] pdf(PeriodicReport r, Language language) {
    return pdf.render(html(r, language), "Kho");
  }
}
