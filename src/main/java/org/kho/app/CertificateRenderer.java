package org.kho.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kho.core.KhoException;
import org.kho.report.Language;
import org.kho.report.Pdf;
import org.kho.report.Texts;
import org.kho.report.WipeCertificateReport;
import org.kho.wipe.DirectoryRegister;
import org.kho.wipe.SignedCertificate;

/** Writes a wipe certificate's HTML and PDF, per language, beside its JSON in the register. */
final class CertificateRenderer {
  private final ZoneId zone;

  CertificateRenderer(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code ID.LANG.html} and {@code ID.LANG.pdf} for each language; the HTML even when the PDF fails. */
  List<Path> write(SignedCertificate c, String agency, DirectoryRegister register, List<String> languages) {
    String id = c.certificate().orElseThrow().id();
    WipeCertificateReport report = new WipeCertificateReport(Pdf.withSystemFonts());
    WipeCertificateReport.Input in = new WipeCertificateReport.Input(c, agency, register.file(id).getFileName().toString());
    List<Path> written = new ArrayList<>();
    for (String code : languages) {
      Texts t = new Texts(Language.of(code), zone);
      Path html = register.dir().resolve(id + "." + code + ".html");
      Path pdf = register.dir().resolve(id + "." + code + ".pdf");
      try {
        Files.writeString(html, report.html(in, t), StandardCharsets.UTF_8);
        written.add(html);
        Files.write(pdf, report.pdf(in, t));
        written.add(pdf);
      } catch (IOException e) {
        throw new KhoException("cannot write " + pdf + ": " + e.getMessage(), "the certificate's JSON is saved; "
            + "render it again with 'kho wipe render " + id + "'");
      }
    }
    return written;
  }
}
