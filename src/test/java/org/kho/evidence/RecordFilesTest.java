package org.kho.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.crypto.SigningKey;
import org.kho.evidence.EvidenceReport.Problem;
import org.kho.wipe.DirectoryRegister;
import org.kho.wipe.MediaType;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeMethod;

/** A wipe certificate from the register, checked as an auditor does: the file and the public key. */
class RecordFilesTest {
  static final SigningKey KEY = SigningKey.generate();
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  Path certificateFile() {
    WipeCertificate c = new WipeCertificate("W-20261121-0001", null, new WipeCertificate.Medium("/srv/vm/old.qcow2",
        null, null, "old.qcow2", 1 << 20, MediaType.IMAGE, null), "zero", "one pass of zeros",
        WipeMethod.NistCategory.CLEAR, List.of("0x00"), 1, new WipeCertificate.Verification("last",
        WipeCertificate.Verification.Result.PASSED, 1 << 20, 0, -1), Instant.parse("2026-11-21T05:00:00Z"),
        Instant.parse("2026-11-21T05:00:01Z"), "Lan", null, "host", "kho test", true, 0, WipeCertificate.Outcome.ERASED,
        List.of());
    DirectoryRegister register = new DirectoryRegister(tmp.resolve("register"));
    register.add(SignedCertificate.sign(c, KEY));
    return register.file(c.id());
  }

  @Test
  void aCertificateVerifiesWithOnlyThePublicKey() {
    EvidenceReport report = RecordFiles.verify(List.of(certificateFile()), KEY.verifying());
    assertThat(report.ok()).isTrue();
    assertThat(report.verified()).singleElement().satisfies(v -> {
      assertThat(v.type()).isEqualTo("kho.wipe.v1");
      assertThat(v.time()).isEqualTo("2026-11-21T05:00:01Z");
    });
  }

  @Test
  void aTamperedCertificateFailsNamingWhy() throws IOException {
    Path file = certificateFile();
    ObjectNode rec = (ObjectNode) MAPPER.readTree(file.toFile());
    rec.put("statement", rec.get("statement").asText().replace("\"outcome\":\"ERASED\"", "\"outcome\":\"FAILED\""));
    Files.writeString(file, MAPPER.writeValueAsString(rec));
    EvidenceReport report = RecordFiles.verify(List.of(file), KEY.verifying());
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.problem()).isEqualTo(Problem.BAD_SIGNATURE));
  }

  @Test
  void anotherKeyOrAnotherFileFails() throws IOException {
    Path file = certificateFile();
    assertThat(RecordFiles.verify(List.of(file), SigningKey.generate().verifying()).failures())
        .extracting(EvidenceReport.Failure::problem).containsExactly(Problem.OTHER_SIGNER);
    Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"hello\": 1}");
    assertThat(RecordFiles.verify(List.of(junk), KEY.verifying()).failures())
        .extracting(EvidenceReport.Failure::problem).containsExactly(Problem.UNREADABLE);
  }
}
