package org.kho.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kho.crypto.SigningKey;
import org.kho.wipe.MediaType;
import org.kho.wipe.Note;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeCertificate.Verification;
import org.kho.wipe.WipeMethod.NistCategory;

class WipeCertificateReportTest {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final SigningKey KEY = SigningKey.generate();
  /** Where the rendered samples are left for people to look at (build output, never committed). */
  static final Path SAMPLES = Path.of("target/report-samples");

  static SignedCertificate sample() {
    WipeCertificate c = new WipeCertificate("W-20261121-3f9a1c2b", "STTTT-PC-0042",
        new WipeCertificate.Medium("/dev/sdb", "ATA", "WDC WD5000AAKX-00ERMA0", "WD-WCC2EJR81234", 500_107_862_016L,
            MediaType.HDD, "sata"),
        "dod-3pass", "DoD 5220.22-M (E), 3 passes", NistCategory.CLEAR, List.of("0x00", "0xFF", "random"), 3,
        new Verification("last", Verification.Result.PASSED, 500_107_862_016L, 0, -1),
        Instant.parse("2026-11-21T01:02:03Z"), Instant.parse("2026-11-21T04:15:09Z"), "Nguyễn Thị Lan",
        "Trần Văn Minh", "kho-wipe-01", "kho 0.1.0", true, 1, WipeCertificate.Outcome.ERASED, List.of(Note.FLASH_SPARE_CELLS));
    return SignedCertificate.sign(c, KEY);
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("the certificate fits one page").isEqualTo(1);
      return new PDFTextStripper().getText(doc);
    }
  }

  private static WipeCertificateReport report() {
    Pdf pdf = Pdf.withSystemFonts();
    assumeTrue(pdf.available(), "the DejaVu fonts (fonts-dejavu-core) are installed");
    return new WipeCertificateReport(pdf);
  }

  @Test
  void vietnamesePdfCarriesTheFactsInVietnamese() throws IOException {
    var in = new WipeCertificateReport.Input(sample(), "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", "W-20261121-3f9a1c2b.json");
    Texts vi = new Texts(Language.VI, HANOI);
    byte[] pdf = report().pdf(in, vi);
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve("wipe-certificate.vi.pdf"), pdf);
    Files.writeString(SAMPLES.resolve("wipe-certificate.vi.html"), report().html(in, vi));
    String text = pdfText(pdf);
    assertThat(text).contains("Chứng nhận xóa dữ liệu trên thiết bị lưu trữ", "W-20261121-3f9a1c2b", "STTTT-PC-0042",
        "WD-WCC2EJR81234", "WDC WD5000AAKX-00ERMA0", "Ổ đĩa cứng (HDD)", "500.107.862.016 byte", "Clear (xóa sạch)",
        "0x00 → 0xFF → random", "3 / 3", "Đạt: mọi byte đọc lại đúng như đã ghi", "21/11/2026 08:02:03 (UTC+07:00)",
        "21/11/2026 11:15:09 (UTC+07:00)", "3:13:06", "Nguyễn Thị Lan", "Trần Văn Minh", "kho-wipe-01", "kho 0.1.0",
        "ĐÃ XÓA", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH BẮC NINH", KEY.verifying().fingerprint(),
        "kho evidence verify --public-key signing.pub W-20261121-3f9a1c2b.json");
  }

  @Test
  void englishPdfCarriesTheFactsInEnglish() throws IOException {
    var in = new WipeCertificateReport.Input(sample(), null, "W-20261121-3f9a1c2b.json");
    Texts en = new Texts(Language.EN, HANOI);
    byte[] pdf = report().pdf(in, en);
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve("wipe-certificate.en.pdf"), pdf);
    String text = pdfText(pdf);
    assertThat(text).contains("Certificate of Media Sanitization", "W-20261121-3f9a1c2b", "WD-WCC2EJR81234",
        "500,107,862,016 bytes", "Hard disk drive (HDD)", "Clear", "DoD 5220.22-M (E), 3 passes",
        "Passed: every byte read back as written", "2026-11-21 08:02:03 UTC+07:00", "ERASED", "Nguyễn Thị Lan",
        "spare cells of flash memory");
  }

  @Test
  void htmlEscapesWhatTheCertificateSays() {
    var in = new WipeCertificateReport.Input(sample(), "<script>alert(1)</script> & Co", "x.json");
    String html = new WipeCertificateReport(Pdf.withSystemFonts()).html(in, new Texts(Language.EN, HANOI));
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co").doesNotContain("<script>");
  }

  @Test
  void bothLanguagesHaveTheSameTexts() throws IOException {
    assertThat(keys("en")).isEqualTo(keys("vi"));
  }

  private static java.util.Set<Object> keys(String lang) throws IOException {
    Properties p = new Properties();
    try (var in = WipeCertificateReportTest.class.getResourceAsStream("/org/kho/report/messages_" + lang + ".properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p.keySet();
  }
}
