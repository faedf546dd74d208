package org.kho.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.kho.backup.TestBackups;
import org.kho.core.AuditChain;
import org.kho.crypto.Sha256;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Repository;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.local.LocalStorage;
import org.kho.wipe.MediaType;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeMethod;

/**
 * An evidence bundle of November 2026 with one member of every kind: a repository with a signed
 * snapshot (and its sealed object), a signed log-month manifest and a drill report in its
 * evidence, a drill report of 2025 (outside the period), a drill report and a wipe certificate
 * from the state store, and a three-entry audit segment.
 */
public final class BundleFixture {
  static final SigningKey KEY = SigningKey.generate();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);
  static final Period NOVEMBER = Period.parse("2026-11", ZoneId.of("Asia/Ho_Chi_Minh"));

  private BundleFixture() {}

  /** The bundle's bytes; {@code repo} is a new folder for the repository. */
  static byte[] bundle(Path repo, Path source) throws IOException {
    try (Repository r = TestBackups.init(repo)) {
      r.signWith(KEY);
      TestBackups.backup(r, TestBackups.smallSource(source));
    }
    try (LocalStorage storage = LocalStorage.open(repo)) {
      put(storage, statement("kho.logs.month.v1", n -> n.put("month", "2026-11").put("source", "app-logs")
          .put("time", "2026-12-01T01:00:00Z")));
      put(storage, statement(MemberKind.DRILL_TYPE, n -> n.put("id", "monthly-20261120T020000Z")
          .put("started", "2026-11-20T02:00:00Z").put("outcome", "PASSED")));
      put(storage, statement(MemberKind.DRILL_TYPE, n -> n.put("id", "monthly-20250120T020000Z")
          .put("started", "2025-01-20T02:00:00Z").put("outcome", "PASSED")));
      BundleExport export = new BundleExport(NOVEMBER, CLOCK, "test-host", "kho test");
      export.addRepository("disk", EvidenceStore.on(storage));
      export.addRecord(envelope(statement(MemberKind.DRILL_TYPE, n -> n.put("id", "weekly-20261110T020000Z")
          .put("started", "2026-11-10T02:00:00Z").put("outcome", "FAILED"))), "state");
      export.addRecord(SignedCertificate.sign(certificate(Instant.parse("2026-11-21T05:00:01Z")), KEY).json(), "state");
      export.addAuditSegment(AUDIT_BEFORE, audit());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      export.write(out, KEY);
      return out.toByteArray();
    }
  }

  static final String AUDIT_BEFORE = AuditChain.hash(AuditChain.GENESIS, 1, 0, "root", "daemon start", "/etc/kho", "");

  static List<AuditLine> audit() {
    List<AuditLine> lines = new ArrayList<>();
    String previous = AUDIT_BEFORE;
    for (int i = 0; i < 3; i++) {
      Instant at = Instant.parse("2026-11-0" + (i + 2) + "T08:00:00.123Z");
      String hash = AuditChain.hash(previous, i + 2, at.toEpochMilli(), "lan", "backup", "documents", "run " + i);
      lines.add(new AuditLine(i + 2, at, "lan", "backup", "documents", "run " + i, previous, hash));
      previous = hash;
    }
    return lines;
  }

  /** A wipe certificate of a disk image whose wipe finished at {@code finished}. */
  public static WipeCertificate certificate(Instant finished) {
    return new WipeCertificate("W-20261121-0001", null, new WipeCertificate.Medium("/srv/vm/old.qcow2",
        null, null, "old.qcow2", 1 << 20, MediaType.IMAGE, null), "zero", "one pass of zeros",
        WipeMethod.NistCategory.CLEAR, List.of("0x00"), 1, new WipeCertificate.Verification("last",
        WipeCertificate.Verification.Result.PASSED, 1 << 20, 0, -1), finished.minusSeconds(1),
        finished, "Lan", null, "host", "kho test", true, 0, WipeCertificate.Outcome.ERASED,
        List.of());
  }

  /** A statement of {@code type} signed with {@link #KEY}. */
  static EvidenceRecord statement(String type, java.util.function.Consumer<ObjectNode> fields) {
    ObjectNode n = Envelopes.MAPPER.createObjectNode().put("type", type);
    fields.accept(n);
    String text = n.toString();
    return new EvidenceRecord(text, KEY.verifying().fingerprint(),
        Base64.getEncoder().encodeToString(KEY.sign(text.getBytes(StandardCharsets.UTF_8))));
  }

  static String envelope(EvidenceRecord rec) {
    try {
      return Envelopes.MAPPER.writeValueAsString(rec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(LocalStorage storage, EvidenceRecord rec) {
    byte[] bytes = envelope(rec).getBytes(StandardCharsets.UTF_8);
    storage.create(ObjectName.of(ObjectKind.EVIDENCE, Sha256.hex(bytes)), bytes);
  }

  static BundleReport verify(byte[] bundle, Optional<VerifyingKey> key) {
    return BundleVerifier.verify("test.zip", new ByteArrayInputStream(bundle), key);
  }

  /** The members of a bundle, in order. */
  public static Map<String, byte[]> members(byte[] bundle) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        members.put(e.getName(), zip.readAllBytes());
      }
    }
    return members;
  }

  /** A bundle of {@code members}, as a forger would rewrite it. */
  public static byte[] zip(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        zip.putNextEntry(new ZipEntry(m.getKey()));
        zip.write(m.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
