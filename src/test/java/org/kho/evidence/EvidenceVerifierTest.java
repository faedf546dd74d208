package org.kho.evidence;

import org.kho.drill.DrillStatement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.crypto.SigningKey;
import org.kho.evidence.EvidenceReport.Failure;
import org.kho.evidence.EvidenceReport.Problem;
import org.kho.evidence.EvidenceReport.Verified;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.storage.local.LocalStorage;

class EvidenceVerifierTest {
  private static final SigningKey KEY = SigningKey.generate();

  @TempDir
  Path tmp;
  Path src;
  Path root;
  Repository repo;

  @BeforeEach
  void setUp() throws IOException {
    src = TestBackups.smallSource(tmp.resolve("src"));
    root = tmp.resolve("repo");
    repo = TestBackups.init(root);
  }

  private SnapshotRef signedBackup() {
    repo.signWith(KEY);
    return TestBackups.backup(repo, src);
  }

  /** Verifies with nothing but the storage and a public key, as an auditor does. */
  private EvidenceReport verify(SigningKey key) {
    return new EvidenceVerifier(EvidenceStore.on(LocalStorage.open(root))).verify(key.verifying());
  }

  private Path snapshotFile(SnapshotRef s) {
    return root.resolve("snapshots").resolve(s.id());
  }

  private Path onlyRecord() throws IOException {
    try (var files = Files.list(root.resolve("evidence"))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.getFirst();
    }
  }

  @Test
  void everyRecordVerifiesAfterSignedBackups() throws IOException {
    SnapshotRef first = signedBackup();
    Files.writeString(src.resolve("docs/new.txt"), "more");
    SnapshotRef second = signedBackup();
    EvidenceReport report = verify(KEY);
    assertThat(report.ok()).isTrue();
    assertThat(report.failures()).isEmpty();
    assertThat(report.unsigned()).isEmpty();
    assertThat(report.key()).isEqualTo(KEY.verifying().fingerprint());
    assertThat(report.verified()).extracting(Verified::snapshot).containsExactlyInAnyOrder(first.id(), second.id());
    Verified v = report.verified().getFirst();
    assertThat(v.type()).isEqualTo("kho.snapshot.v1");
    assertThat(v.time()).isEqualTo("2026-11-21T05:00:00Z");
    assertThat(v.host()).isEqualTo(first.snapshot().host());
    assertThat(v.shortSnapshot()).hasSize(8);
  }

  @Test
  void aChangedByteInASnapshotObjectIsReportedAltered() throws IOException {
    SnapshotRef s = signedBackup();
    byte[] bytes = Files.readAllBytes(snapshotFile(s));
    bytes[bytes.length / 2] ^= 1;
    Files.write(snapshotFile(s), bytes);
    EvidenceReport report = verify(KEY);
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).extracting(Failure::problem).containsExactly(Problem.SNAPSHOT_ALTERED);
    assertThat(report.failures().getFirst().detail()).contains(s.id());
    assertThat(report.unsigned()).as("it was signed; it is reported once, as altered").isEmpty();
  }

  @Test
  void aChangedStatementFailsItsSignature() throws IOException {
    SnapshotRef s = signedBackup();
    Path record = onlyRecord();
    ObjectMapper json = new ObjectMapper();
    ObjectNode rec = (ObjectNode) json.readTree(record.toFile());
    String statement = rec.get("statement").asText();
    assertThat(statement).contains("\"files\":");
    rec.put("statement", statement.replace("\"files\":", "\"files\":9"));
    Files.writeString(record, json.writeValueAsString(rec));
    EvidenceReport report = verify(KEY);
    assertThat(report.failures()).extracting(Failure::problem).containsExactly(Problem.BAD_SIGNATURE);
    assertThat(report.failures().getFirst().record()).isEqualTo(record.getFileName().toString());
    assertThat(report.unsigned()).containsExactly(s.id());
    assertThat(report.verified()).isEmpty();
  }

  @Test
  void anotherKeyFailsEveryRecordNamingBothKeys() {
    SnapshotRef s = signedBackup();
    SigningKey other = SigningKey.generate();
    EvidenceReport report = verify(other);
    assertThat(report.failures()).extracting(Failure::problem).containsExactly(Problem.OTHER_SIGNER);
    assertThat(report.failures().getFirst().detail())
        .contains(KEY.verifying().fingerprint(), other.verifying().fingerprint());
    assertThat(report.unsigned()).containsExactly(s.id());
  }

  @Test
  void aBackupWithoutASigningKeyIsListedUnsigned() {
    SnapshotRef unsigned = TestBackups.backup(repo, src);
    SnapshotRef signed = signedBackup();
    EvidenceReport report = verify(KEY);
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).isEmpty();
    assertThat(report.unsigned()).containsExactly(unsigned.id());
    assertThat(report.verified()).extracting(Verified::snapshot).containsExactly(signed.id());
  }

  @Test
  void aDeletedSnapshotIsReportedMissing() throws IOException {
    SnapshotRef s = signedBackup();
    Files.delete(snapshotFile(s));
    EvidenceReport report = verify(KEY);
    assertThat(report.failures()).extracting(Failure::problem).containsExactly(Problem.SNAPSHOT_MISSING);
    assertThat(report.failures().getFirst().detail()).contains(s.id());
    assertThat(report.unsigned()).isEmpty();
  }

  @Test
  void aRecordThatIsNotJsonIsReportedUnreadable() throws IOException {
    signedBackup();
    Files.writeString(onlyRecord(), "not json");
    assertThat(verify(KEY).failures()).extracting(Failure::problem).containsExactly(Problem.UNREADABLE);
  }

  @Test
  void aStatementOfAnotherTypeVerifiesBySignatureAlone() {
    repo.writeEvidence("{\"type\":\"kho.drill.v1\",\"time\":\"2026-11-20T01:00:00Z\",\"item\":\"hr-db\"}", KEY);
    EvidenceReport report = verify(KEY);
    assertThat(report.ok()).isTrue();
    Verified v = report.verified().getFirst();
    assertThat(v.type()).isEqualTo("kho.drill.v1");
    assertThat(v.item()).isEqualTo("hr-db");
    assertThat(v.snapshot()).isNull();
  }

  @Test
  void aDrillReportVerifiesByItsSignatureAndATamperedOneFailsNamingIt() throws IOException {
    DrillStatement drill = DrillReportSamples.passed("monthly", java.time.Instant.parse("2026-11-20T01:00:00Z"), 7, 0, 1);
    EvidenceRecord signed = DrillReportSamples.sign(drill, KEY);
    repo.writeEvidence(signed.statement(), KEY);
    EvidenceReport good = verify(KEY);
    assertThat(good.ok()).isTrue();
    Verified v = good.verified().getFirst();
    assertThat(v.type()).isEqualTo(DrillStatement.TYPE);
    assertThat(v.item()).as("a drill report is about its plan").isEqualTo("monthly");
    assertThat(v.time()).as("and dated when it finished").isEqualTo(drill.finished().toString());

    Path record = onlyRecord();
    ObjectMapper json = new ObjectMapper();
    ObjectNode rec = (ObjectNode) json.readTree(record.toFile());
    rec.put("statement", rec.get("statement").asText().replace("\"PASSED\"", "\"FAILED\""));
    Files.writeString(record, json.writeValueAsString(rec));
    EvidenceReport bad = verify(KEY);
    assertThat(bad.ok()).isFalse();
    assertThat(bad.failures()).extracting(Failure::problem).containsExactly(Problem.BAD_SIGNATURE);
    assertThat(bad.failures().getFirst().detail()).startsWith("the drill report monthly-20261120T010000Z: ");
  }
}
