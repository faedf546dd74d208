package org.kho.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.crypto.Argon2id;
import org.kho.crypto.Sha256;
import org.kho.crypto.SigningKey;
import org.kho.repository.Credential;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.storage.local.LocalStorage;

class BundleTest {
  @TempDir
  Path tmp;
  byte[] bundle;

  @BeforeEach
  void setUp() throws IOException {
    bundle = BundleFixture.bundle(tmp.resolve("repo"), tmp.resolve("src"));
  }

  @Test
  void aBundleVerifiesWithTheKeyTheAuditorHolds() {
    BundleReport report = BundleFixture.verify(bundle, Optional.of(BundleFixture.KEY.verifying()));
    assertThat(report.failures()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.keyFromBundle()).isFalse();
    assertThat(report.period()).isEqualTo("2026-11");
    assertThat(report.verified()).containsEntry("snapshot-record", 1).containsEntry("snapshot-object", 1)
        .containsEntry("log-manifest", 1).containsEntry("drill-report", 2).containsEntry("wipe-certificate", 1)
        .containsEntry("audit-segment", 1).containsEntry("public-key", 1).containsEntry("guide", 1)
        .containsEntry("checksums", 1).containsEntry("repository-config", 1);
  }

  @Test
  void withoutAKeyTheBundlesOwnKeyIsUsedAndTheReportSaysSo() {
    BundleReport report = BundleFixture.verify(bundle, Optional.empty());
    assertThat(report.ok()).isTrue();
    assertThat(report.keyFromBundle()).isTrue();
    assertThat(report.key()).isEqualTo(BundleFixture.KEY.verifying().fingerprint());
  }

  @Test
  void recordsOutsideThePeriodAreLeftOut() throws IOException {
    String all = String.join("\n", BundleFixture.members(bundle).values().stream()
        .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    assertThat(all).contains("monthly-20261120T020000Z", "weekly-20261110T020000Z").doesNotContain("monthly-20250120");
  }

  @Test
  void theManifestListsEveryMemberWithItsHashAndTheSumsFileAgrees() throws IOException {
    Map<String, byte[]> members = BundleFixture.members(bundle);
    assertThat(members.keySet()).startsWith(BundleLayout.MANIFEST, BundleLayout.SIGNATURE)
        .contains(BundleLayout.KEY, BundleLayout.GUIDE, BundleLayout.SUMS, BundleLayout.AUDIT, "targets/disk/config");
    String manifest = new String(members.get(BundleLayout.MANIFEST), StandardCharsets.UTF_8);
    String sums = new String(members.get(BundleLayout.SUMS), StandardCharsets.UTF_8);
    members.forEach((path, bytes) -> {
      if (!path.startsWith("manifest.")) {
        assertThat(manifest).as(path).contains("\"path\" : \"" + path + "\"").contains(Sha256.hex(bytes));
      }
      if (!path.startsWith("manifest.") && !path.equals(BundleLayout.SUMS)) {
        assertThat(sums).contains(Sha256.hex(bytes) + "  " + path + "\n");
      }
    });
    assertThat(BundleFixture.KEY.verifying().verify(members.get(BundleLayout.MANIFEST), members.get(BundleLayout.SIGNATURE)))
        .isTrue();
  }

  @Test
  void snapshotObjectsAreNamedByTheHashOfTheirBytes() throws IOException {
    BundleFixture.members(bundle).forEach((path, bytes) -> {
      if (path.startsWith("targets/disk/snapshots/") || path.startsWith("targets/disk/evidence/")) {
        assertThat(path).endsWith("/" + Sha256.hex(bytes));
      }
    });
  }

  @Test
  void theBundleCarriesNoSecret() throws IOException {
    for (Map.Entry<String, byte[]> m : BundleFixture.members(bundle).entrySet()) {
      String text = new String(m.getValue(), StandardCharsets.ISO_8859_1);
      assertThat(text).as(m.getKey()).doesNotContain("PRIVATE KEY").doesNotContain(TestBackups.PASSWORD + "\"")
          .doesNotContain("top secret");
    }
    assertThat(BundleFixture.members(bundle).keySet()).allMatch(p -> !p.startsWith("targets/disk/keys")
        && !p.startsWith("targets/disk/data") && !p.startsWith("targets/disk/index"));
  }

  @Test
  void aBundleSignedByAnotherKeyFailsAgainstTheAgencyKeyNamingTheManifestAndTheKey() throws IOException {
    SigningKey forger = SigningKey.generate();
    Map<String, byte[]> members = BundleFixture.members(bundle);
    members.put(BundleLayout.KEY, forger.verifying().pem().getBytes(StandardCharsets.US_ASCII));
    members.put(BundleLayout.SIGNATURE, forger.sign(members.get(BundleLayout.MANIFEST)));
    BundleReport report = BundleFixture.verify(BundleFixture.zip(members), Optional.of(BundleFixture.KEY.verifying()));
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).extracting(BundleReport.Failure::member)
        .contains(BundleLayout.KEY, BundleLayout.MANIFEST);
  }

  @Test
  void aDamagedZipIsReportedNotThrown() {
    byte[] damaged = bundle.clone();
    for (int i = damaged.length / 3; i < damaged.length / 3 + 64; i++) {
      damaged[i] ^= (byte) 0xff;
    }
    BundleReport report = BundleFixture.verify(damaged, Optional.of(BundleFixture.KEY.verifying()));
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).isNotEmpty();
  }

  @Test
  void anAuditEntryChangedAndResealedInTheManifestStillBreaksTheChain() throws IOException {
    Map<String, byte[]> members = BundleFixture.members(bundle);
    String segment = new String(members.get(BundleLayout.AUDIT), StandardCharsets.UTF_8).replace("run 1", "run 9");
    assertThat(AuditSegmentCheck.problems(segment.getBytes(StandardCharsets.UTF_8), BundleFixture.AUDIT_BEFORE,
        BundleFixture.audit().getLast().hash(), 3, BundleFixture.NOVEMBER)).containsExactly("entry 3 was changed: its fields no longer give its hash");
  }

  @Test
  void aSnapshotForgottenAfterThePeriodIsAccountedForByTheSignedStatementThatForgotIt() throws IOException {
    Path repo = tmp.resolve("forgotten");
    SnapshotRef snapshot;
    try (Repository r = TestBackups.init(repo)) {
      r.signWith(BundleFixture.KEY);
      snapshot = TestBackups.backup(r, TestBackups.smallSource(tmp.resolve("src2")));
    }
    Clock december = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
    try (Repository r = Repository.open(LocalStorage.open(repo), Credential.passphrase(TestBackups.PASSWORD),
        new Repository.Options(december, new Host(), new Argon2id(64, 1, 1)))) {
      r.signWith(BundleFixture.KEY);
      r.forget(snapshot, "retention: daily 14");
    }
    BundleExport export = new BundleExport(BundleFixture.NOVEMBER, BundleFixture.CLOCK, "test-host", "kho test");
    export.addRepository("disk", EvidenceStore.on(LocalStorage.open(repo)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(out, BundleFixture.KEY);

    BundleReport report = BundleFixture.verify(out.toByteArray(), Optional.of(BundleFixture.KEY.verifying()));
    assertThat(report.failures()).isEmpty();
    assertThat(report.verified()).containsEntry("snapshot-record", 1).containsEntry("evidence-record", 1)
        .doesNotContainKey("snapshot-object");
  }
}
