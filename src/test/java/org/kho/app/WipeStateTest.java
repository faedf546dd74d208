package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.crypto.SigningKey;
import org.kho.state.AuditLog;
import org.kho.state.EvidenceIndex;
import org.kho.state.StateStore;
import org.kho.wipe.CommandRunner;
import org.kho.wipe.Devices;
import org.kho.wipe.DirectoryRegister;
import org.kho.wipe.FirmwareEraser;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.Verify;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeProgress;

/** A wipe with a config directory is recorded in its state database: evidence index and audit log. */
class WipeStateTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  private static final SigningKey KEY = SigningKey.generate();

  @TempDir
  Path tmp;

  private final StateAccess access = new StateAccess(Map.of(), CLOCK);

  private WipeService service() {
    return new WipeService(CLOCK, Map.of(), Devices.system(),
        new FirmwareEraser(c -> new CommandRunner.Result(-1, "", "none"), tmp, Duration.ZERO),
        new CertificateRenderer(ZoneOffset.UTC));
  }

  private WipeService.Setup setup() {
    return WipeService.Setup.of(Optional.empty(), Optional.of(tmp.resolve("register")))
        .withState(access, tmp.resolve("config"), StateAccess.Options.DEFAULT);
  }

  /** Wipes a fresh image of pseudo-random "secrets" with one pass of zeros, confirmed and read back. */
  private WipeService.Done wipe(WipeService service, WipeService.Setup setup, String name) throws IOException {
    Path image = tmp.resolve(name);
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    Files.write(image, data);
    WipeService.Planned p = service.plan(setup, new WipeService.Ask(image.toString(), "zero", Verify.LAST, name,
        true, false, "PC-0042", "Lan", "Minh"));
    return service.wipe(setup, p, Optional.of(KEY), "kho test", false, WipeProgress.NONE, () -> false);
  }

  @Test
  void aWipeWithAConfigDirectoryKeepsItsSignedCertificateInTheEvidenceIndexAndAppendsToTheAuditLog() throws IOException {
    WipeService service = service();
    WipeService.Setup setup = setup();
    WipeService.Done done = wipe(service, setup, "disk.img");
    WipeCertificate c = done.certificate();
    assertThat(c.outcome()).isEqualTo(WipeCertificate.Outcome.ERASED);

    try (StateStore state = access.open(tmp.resolve("config"), StateAccess.Options.DEFAULT, 1)) {
      List<EvidenceIndex.Entry> evidence = state.evidence().about("disk.img", 10);
      assertThat(evidence).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(StateRegister.KIND);
        assertThat(e.reference()).isEqualTo(c.id());
        assertThat(e.target()).isEqualTo(done.file());
        assertThat(e.signed()).isTrue();
        assertThat(e.recordedAt()).isEqualTo(CLOCK.instant());
      });
      assertThat(state.evidence().documents(StateRegister.KIND)).singleElement()
          .satisfies(json -> assertThat(SignedCertificate.fromJson(json)).contains(done.signed()));
      assertThat(state.audit().recent(10)).singleElement().satisfies(a -> {
        assertThat(a.actor()).isEqualTo("Lan");
        assertThat(a.action()).isEqualTo("wipe");
        assertThat(a.subject()).isEqualTo("disk.img");
        assertThat(a.detail()).contains(c.id(), "serial disk.img", "asset PC-0042", "zero", "outcome ERASED");
      });
    }
    AuditLog.Verification v = new AuditService(access).verify(tmp.resolve("config"), StateAccess.Options.DEFAULT);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(1);

    Optional<SignedCertificate> file = DirectoryRegister.read(Path.of(done.file()));
    assertThat(file).as("the file copy stays, for kho evidence verify").contains(done.signed());
    assertThat(file.orElseThrow().verifies(KEY.verifying())).isTrue();
  }

  @Test
  void certificatesAreListedFromTheStateDatabaseEvenWhenTheFolderIsGone() throws IOException {
    WipeService service = service();
    WipeService.Setup setup = setup();
    WipeService.Done first = wipe(service, setup, "one.img");
    WipeService.Done second = wipe(service, setup, "two.img");
    for (SignedCertificate s : List.of(first.signed(), second.signed())) {
      Files.delete(setup.register().file(s.certificate().orElseThrow().id()));
    }

    List<SignedCertificate> listed = service.certificates(setup);

    assertThat(listed).containsExactly(first.signed(), second.signed());
    assertThat(listed).allMatch(s -> s.verifies(KEY.verifying()));
    assertThat(setup.source()).startsWith("the state database jdbc:h2:file:");
    WipeService.Setup folderOnly = WipeService.Setup.of(Optional.empty(), Optional.of(tmp.resolve("register")));
    assertThat(service.certificates(folderOnly)).as("without a config directory: the folder").isEmpty();
    assertThat(new AuditService(access).verify(tmp.resolve("config"), StateAccess.Options.DEFAULT).entries())
        .isEqualTo(2);
  }
}
