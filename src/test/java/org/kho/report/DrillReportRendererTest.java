package org.kho.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kho.crypto.SigningKey;
import org.kho.evidence.DrillReportSamples;
import org.kho.drill.DrillStatement;
import org.kho.evidence.SignedDrillReport;

class DrillReportRendererTest {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final SigningKey KEY = SigningKey.generate();
  static final Instant STARTED = Instant.parse("2026-11-21T02:00:00Z");

  private static DrillReportRenderer renderer() {
    Pdf pdf = Pdf.withSystemFonts();
    assumeTrue(pdf.available(), "the DejaVu fonts (fonts-dejavu-core) are installed");
    return new DrillReportRenderer(pdf);
  }

  private static DrillReportRenderer.Input input(DrillStatement s, String agency) {
    SignedDrillReport signed = SignedDrillReport.of(DrillReportSamples.sign(s, KEY), "test").orElseThrow();
    return new DrillReportRenderer.Input(signed, signed.check(KEY.verifying()), agency);
  }

  /** Writes the PDF and page 1 as PNG under target/report-samples, for people to look at; returns the text. */
  private static String keep(byte[] pdf, String name) throws IOException {
    Files.createDirectories(WipeCertificateReportTest.SAMPLES);
    Files.write(WipeCertificateReportTest.SAMPLES.resolve(name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
      ImageIO.write(page, "png", WipeCertificateReportTest.SAMPLES.resolve(name + ".png").toFile());
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void passedReportInVietnameseCarriesOutcomePlanCountsAndObjectives() throws IOException {
    DrillStatement s = DrillReportSamples.passed("monthly-restore", STARTED, 7_421_918_342_517L, 3, 10);
    String text = keep(renderer().pdf(input(s, "Sở Thông tin và Truyền thông tỉnh Bắc Ninh"), new Texts(Language.VI, HANOI)),
        "drill-report-passed.vi");
    assertThat(text).contains("Biên bản diễn tập phục hồi dữ liệu", "ĐẠT", "monthly-restore-20261121T020000Z",
        "monthly-restore", "hoso-motcua", "csdl-canbo", "1.240", "124 / 307,2 MiB", "0:30:45", "4:00:00",
        "7421918342517", "3 / 10", "pg_restore --list", "TOC Entries: 212", "Nguyễn Thị Lan", "Trần Văn Minh",
        KEY.verifying().fingerprint(), "kho evidence verify --repo /mnt/nas-01/kho --public-key signing.pub",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH BẮC NINH", "21/11/2026 09:00:00 (UTC+07:00)")
        .doesNotContain("KHÔNG ĐẠT", "KHÔNG HỢP LỆ");
  }

  @Test
  void failedReportInEnglishNamesReasonsDamagedFilesFailingCommandAndActions() throws IOException {
    DrillStatement s = DrillReportSamples.failed("monthly-restore", STARTED, 99, 0, 1);
    String text = keep(renderer().pdf(input(s, null), new Texts(Language.EN, HANOI)), "drill-report-failed.en");
    assertThat(text).contains("Restore Drill Report", "FAILED", "2 files of item hoso-motcua do not match",
        "hoso/2026/11/QD-1234.pdf: content hash differs", "hoso/2026/11/danh-sach.xlsx: missing", "count records",
        "exit code 3", "relation \"ho_so\" does not exist", "Only the last lines of the output", "Corrective actions",
        "kho check --read-data", "MISSED", "1 d 6:00:00", "Every file of each snapshot was selected");
    assertThat(text).as("the output is clipped to its last lines").doesNotContain("verify.sql:30: row 30 ");
  }

  @Test
  void warnedReportInVietnameseSaysWhichObjectiveWasMissed() throws IOException {
    DrillStatement p = DrillReportSamples.passed("monthly-restore", STARTED, 5, 0, 1);
    DrillStatement s = new DrillStatement(p.type(), p.id(), p.repository(), p.target(), p.plan(), p.description(),
        p.host(), p.operator(), null, p.started(), p.finished(), DrillStatement.Outcome.WARNED,
        java.util.List.of("RPO 1 ngày bị vượt: bản sao lưu mới nhất đã 30 giờ."), java.util.List.of(), p.seed(),
        p.slice(), p.items(), p.rto(), new DrillStatement.Objective(24L * 3600, java.math.BigDecimal.valueOf(30 * 3600), false), p.commands());
    String text = keep(renderer().pdf(input(s, null), new Texts(Language.VI, HANOI)), "drill-report-warned.vi");
    assertThat(text).contains("ĐẠT, CÓ CẢNH BÁO", "RPO 1 ngày bị vượt", "1 ngày 6:00:00", "KHÔNG ĐẠT");
  }

  @Test
  void aTamperedReportRendersAsNotVerified() {
    DrillStatement s = DrillReportSamples.passed("monthly-restore", STARTED, 1, 0, 1);
    var rec = DrillReportSamples.sign(s, KEY);
    var forged = new org.kho.repository.EvidenceRecord(rec.statement().replace("\"PASSED\"", "\"PASSED\" "),
        rec.signer(), rec.signature());
    SignedDrillReport signed = SignedDrillReport.of(forged, "test").orElseThrow();
    var in = new DrillReportRenderer.Input(signed, signed.check(KEY.verifying()), null);
    String html = new DrillReportRenderer(Pdf.withSystemFonts()).html(in, new Texts(Language.EN, HANOI));
    assertThat(html).contains("SIGNATURE NOT VERIFIED", "bad signature");
  }

  @Test
  void htmlEscapesWhatTheReportSays() {
    DrillStatement s = DrillReportSamples.passed("<b>plan</b>", STARTED, 1, 0, 1);
    String html = new DrillReportRenderer(Pdf.withSystemFonts()).html(input(s, "A & B"), new Texts(Language.EN, HANOI));
    assertThat(html).contains("&lt;b&gt;plan&lt;/b&gt;", "A &amp; B").doesNotContain("<b>plan</b>");
  }

  @Test
  void clipKeepsTheLastLines() {
    String output = "a\n".repeat(100) + "last";
    DrillReportRenderer.Clip clip = DrillReportRenderer.clip(output);
    assertThat(clip.clipped()).isTrue();
    assertThat(clip.text().lines()).hasSize(DrillReportRenderer.OUTPUT_LINES).last().isEqualTo("last");
    assertThat(DrillReportRenderer.clip("short").clipped()).isFalse();
  }
}
