package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.report.ComplianceDocuments;
import org.kho.report.ComplianceReport;
import org.kho.report.Language;
import org.kho.report.PeriodicReport;
import org.kho.report.Pdf;

/**
 * The scripted quarter's reports as PDF: the text extracted from them states the facts, and page 1
 * is left as a PNG under {@code target/report-samples} for a person to look at.
 */
class ComplianceDocumentsTest {
  static final Path SAMPLES = Path.of("target/report-samples");

  @TempDir
  static Path tmp;
  static ComplianceReport report;

  @BeforeAll
  static void computeOnce() throws Exception {
    report = ScriptedQuarter.report(tmp);
  }

  private static ComplianceDocuments documents() {
    Pdf pdf = Pdf.withSystemFonts();
    assumeTrue(pdf.available(), "the DejaVu fonts (fonts-dejavu-core) are installed");
    return new ComplianceDocuments(pdf);
  }

  /** The PDF's text, with pages {@code pngPages} drawn to {@code NAME-N.png}. */
  private static String text(byte[] pdf, String name, int pngPages) throws IOException {
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve(name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int page = 0; page < Math.min(pngPages, doc.getNumberOfPages()); page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, 80);
        ImageIO.write(image, "png", SAMPLES.resolve(name + "-" + (page + 1) + ".png").toFile());
      }
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theVietnameseCompliancePdfStatesTheGapTheDrillsTheLogMonthsAndTheWipe() throws IOException {
    String text = text(documents().pdf(report, Language.VI), "compliance-2026-q4.vi", 3);
    assertThat(text).as("the agency, in capitals").contains("Báo cáo tuân thủ sao lưu và lưu giữ dữ liệu", "2026-Q4", "SỞ TÀI CHÍNH TỈNH MẪU");
    assertThat(text).contains("Một số quy định chưa được đáp ứng");
    assertThat(text).as("the missed run of 1 November, Hanoi time").contains("2026-11-01 01:30");
    assertThat(text).as("the gap from the October to the December backup").contains("2026-10-01", "2026-12-01", "61");
    String unwrapped = text.replace("- ", "-");
    assertThat(unwrapped).as("report ids may wrap at a hyphen in their narrow column")
        .contains("monthly-database-20261015T020000Z", "monthly-database-20261115T020000Z");
    assertThat(text).contains("KHÔNG ĐẠT", "ledger.db");
    assertThat(text).as("RTO 40 min against 2 h").contains("0:40:00", "2:00:00");
    assertThat(text).contains("2026-10", "2026-11", "2026-12", "Đã lưu trữ và ký");
    assertThat(text).contains("W-20261210-3f9a1c2b", "WD-WCC2EJR81234", "Đã xóa");
    assertThat(text).as("the failed check, resolved the next day").contains("3f2a9c1e", "đã khắc phục 2026-11-16 04:00");
    assertThat(text).as("RPO in days").contains("14 ngày / 31 ngày");
    assertThat(text).doesNotContain("??");
  }

  @Test
  void theEnglishCompliancePdfSaysTheSame() throws IOException {
    String text = text(documents().pdf(report, Language.EN), "compliance-2026-q4.en", 1);
    assertThat(text).contains("Backup and Data Retention Compliance Report", "Not met", "Backup frequency",
        "2026-11-01 01:30", "Restore time (RTO) against the target", "Archived and signed", "Erased");
    assertThat(text).doesNotContain("??");
  }

  @Test
  void thePeriodicPdfHasTheFormsSections() throws IOException {
    String text = text(documents().pdf(PeriodicReport.of(report), Language.VI), "periodic-2026-q4.vi", 2);
    assertThat(text).contains("Báo cáo định kỳ an toàn thông tin", "Hệ thống và dữ liệu được bảo vệ",
        "Cơ sở dữ liệu kế toán", "Văn bản điện tử", "Sự cố Kho ghi nhận", "not mounted", "3f2a9c1e",
        "Thủ trưởng cơ quan", "W-20261210-3f9a1c2b");
    assertThat(text).doesNotContain("??");
  }
}
