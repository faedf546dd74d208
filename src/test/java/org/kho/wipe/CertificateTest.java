package org.kho.wipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.crypto.SigningKey;
import org.kho.wipe.WipeCertificate.Verification;

class CertificateTest {
  static final SigningKey KEY = SigningKey.generate();

  @TempDir
  Path tmp;

  static WipeCertificate certificate(String id, Instant finished) {
    return new WipeCertificate(id, "PC-7", new WipeCertificate.Medium("/dev/sdb", "ATA", "ST2000", "ZFL1ABCD",
        2_000_398_934_016L, MediaType.HDD, "sata"), "random", "one pass of AES-256-CTR random data",
        WipeMethod.NistCategory.CLEAR, List.of("random"), 1, new Verification("last", Verification.Result.PASSED,
        2_000_398_934_016L, 0, -1), finished.minusSeconds(3600), finished, "Lan", "Minh", "host", "kho test", true, 0,
        WipeCertificate.Outcome.ERASED, List.of());
  }

  @Test
  void aSignedCertificateVerifiesWithThePublicKeyAndReadsBackWhole() {
    WipeCertificate c = certificate("W-1", Instant.parse("2026-11-21T05:00:00Z"));
    SignedCertificate s = SignedCertificate.sign(c, KEY);
    assertThat(s.verifies(KEY.verifying())).isTrue();
    assertThat(s.verifies(SigningKey.generate().verifying())).as("another agency's key").isFalse();
    assertThat(s.certificate()).contains(c);
    assertThat(s.statement()).startsWith("{\"type\":\"kho.wipe.v1\",\"time\":\"2026-11-21T05:00:00Z\",\"host\":\"host\"");
  }

  @Test
  void aChangedStatementNoLongerVerifies() {
    SignedCertificate s = SignedCertificate.sign(certificate("W-1", Instant.parse("2026-11-21T05:00:00Z")), KEY);
    SignedCertificate forged = new SignedCertificate(s.statement().replace("ZFL1ABCD", "ZFL1ABCE"), s.signer(), s.signature());
    assertThat(forged.verifies(KEY.verifying())).isFalse();
    assertThat(new SignedCertificate(s.statement(), s.signer(), "not base64!").verifies(KEY.verifying())).isFalse();
  }

  @Test
  void theRegisterKeepsEveryCertificateInOrderAndNeverReplacesOne() throws IOException {
    DirectoryRegister register = new DirectoryRegister(tmp.resolve("register"));
    SignedCertificate later = SignedCertificate.sign(certificate("W-20261121-b", Instant.parse("2026-11-21T06:00:00Z")), KEY);
    SignedCertificate earlier = SignedCertificate.sign(certificate("W-20261121-a", Instant.parse("2026-11-21T05:00:00Z")), KEY);
    register.add(later);
    register.add(earlier);
    Files.writeString(tmp.resolve("register/notes.json"), "not a certificate");
    assertThat(register.list()).containsExactly(earlier, later);
    assertThat(register.find("W-20261121-b")).contains(later);
    assertThat(register.find("W-2026")).as("ambiguous").isEmpty();
    assertThatThrownBy(() -> register.add(later)).hasMessageContaining("cannot save wipe certificate W-20261121-b");
    assertThat(DirectoryRegister.read(register.file("W-20261121-a"))).contains(earlier);
  }
}
