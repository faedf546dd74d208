package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.crypto.SigningKey;
import org.kho.evidence.DrillReportSamples;
import org.kho.drill.DrillStatement;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;

/** The packaged CLI reads a drill report from a state directory alone and checks it with the public key alone. */
class DrillReportIT {
  @TempDir
  Path tmp;

  @Test
  void anAuditorWithTheStateAndThePublicKeyListsShowsAndPrintsAReport() throws Exception {
    SigningKey key = SigningKey.generate();
    key.write(tmp.resolve("signing.key"), tmp.resolve("signing.pub"));
    DrillStatement s = DrillReportSamples.failed("monthly-database", Instant.parse("2026-11-10T02:00:00Z"), 11, 2, 4);
    Path state = tmp.resolve("state");
    try (StateStore store = StateStore.open(StateLocation.embedded(state), 1, Clock.systemUTC())) {
      store.evidence().add("drill", s.plan(), "usb-disk", s.id(), true, Optional.empty(),
          Optional.of(DrillReportSamples.envelope(DrillReportSamples.sign(s, key))));
    }
    String pub = tmp.resolve("signing.pub").toString();
    Kho.Run list = Kho.run(Map.of(), "drill", "list", "--state-dir", state.toString(), "--public-key", pub);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains(s.id(), "FAILED", "verified");

    Path pdf = tmp.resolve("report.pdf");
    Kho.Run show = Kho.run(Map.of(), "drill", "show", s.id(), "--state-dir", state.toString(), "--public-key", pub,
        "--format", "pdf", "--lang", "vi", "--out", pdf.toString());
    assertThat(show.code()).as(show.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("KHÔNG ĐẠT", s.id(), "2 / 4",
          "hoso/2026/11/QD-1234.pdf: content hash differs", key.verifying().fingerprint());
    }

    Kho.Run coverage = Kho.run(Map.of(), "drill", "coverage", "--state-dir", state.toString(), "--public-key", pub,
        "--since", "2026-01-01");
    assertThat(coverage.code()).as(coverage.out() + coverage.err()).isZero();
    assertThat(coverage.out()).contains("monthly-database", "hoso-motcua", "0/4", "has not passed a drill");
  }
}
