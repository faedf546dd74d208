package org.kho.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kho.core.KhoException;

/**
 * XHTML to PDF through openhtmltopdf, with the DejaVu fonts (full Vietnamese coverage) embedded as
 * subsets: "DejaVu Sans" (regular, bold, oblique) and "DejaVu Sans Mono". The fonts come from
 * Debian's {@code fonts-dejavu-core}, or from the folder {@code $KHO_FONTS_DIR} names.
 */
public final class Pdf {
  /** Where Debian and Ubuntu put DejaVu. */
  static final Path DEBIAN_FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
  private final Path fonts;

  public Pdf(Path fonts) {
    this.fonts = fonts;
  }

  /** The fonts of {@code $KHO_FONTS_DIR}, or the system's. */
  public static Pdf withSystemFonts() {
    String dir = System.getenv("KHO_FONTS_DIR");
    return new Pdf(dir == null || dir.isBlank() ? DEBIAN_FONTS : Path.of(dir));
  }

  /** The PDF of {@code xhtml} (well-formed XHTML), titled {@code title}. */
  public byte[] render(String xhtml, String producer) {
    XRLog.setLoggingEnabled(false);
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.withProducer(producer);
    font(b, "DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL);
    font(b, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL);
    font(b, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC);
    font(b, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
    font(b, "DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono", 700, FontStyle.NORMAL);
    b.withHtmlContent(xhtml, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    b.toStream(out);
    try {
      b.run();
    } catch (IOException e) {
      throw new KhoException("cannot write the PDF: " + e.getMessage(), "the HTML report beside it has the same content");
    }
    return out.toByteArray();
  }

  private void font(PdfRendererBuilder b, String file, String family, int weight, FontStyle style) {
    File f = fonts.resolve(file).toFile();
    if (!f.isFile()) {
      throw new KhoException("font " + f + " is missing, so a PDF cannot show Vietnamese",
          "install the DejaVu fonts (apt-get install fonts-dejavu-core) or set KHO_FONTS_DIR to a folder holding "
              + String.join(", ", List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono.ttf",
              "DejaVuSansMono-Bold.ttf")));
    }
    b.useFont(f, family, weight, style, true);
  }

  /** Whether the fonts are there (reports fall back to HTML only when not). */
  public boolean available() {
    return Files.isRegularFile(fonts.resolve("DejaVuSans.ttf"));
  }
}
