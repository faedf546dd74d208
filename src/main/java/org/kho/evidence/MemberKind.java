package org.kho.evidence;

import java.util.Arrays;
import java.util.Optional;
import org.kho.logarchive.Manifest;
import org.kho.repository.SnapshotStatement;
import org.kho.wipe.WipeCertificate;

/** What a member of an evidence bundle is; its {@link #id()} is how the bundle's manifest names it. */
public enum MemberKind {
  SNAPSHOT_RECORD("snapshot-record", "snapshot record"),
  LOG_MANIFEST("log-manifest", "log-month manifest"),
  DRILL_REPORT("drill-report", "drill report"),
  WIPE_CERTIFICATE("wipe-certificate", "wipe certificate"),
  /** Another signed statement: a snapshot forgotten by retention, a legal hold released. */
  EVIDENCE_RECORD("evidence-record", "signed record"),
  /** The sealed bytes of a snapshot object, so that a statement's binding can be checked. */
  SNAPSHOT_OBJECT("snapshot-object", "snapshot object"),
  /** A repository's plaintext config (its id; no secret). */
  REPOSITORY_CONFIG("repository-config", "repository config"),
  AUDIT_SEGMENT("audit-segment", "audit-log segment"),
  PUBLIC_KEY("public-key", "public key"),
  GUIDE("guide", "verification guide"),
  CHECKSUMS("checksums", "checksum list"),
  /** The signed manifest itself (manifest.json and manifest.sig); never listed in it. */
  MANIFEST("manifest", "manifest");

  /** The statement type of a drill report (the drill report contract). */
  public static final String DRILL_TYPE = "kho.drill.v1";

  private final String id;
  private final String label;

  MemberKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name in the manifest, e.g. {@code snapshot-record}. */
  public String id() {
    return id;
  }

  /** A few words for people. */
  public String label() {
    return label;
  }

  /** The kind called {@code id} in a manifest. */
  static Optional<MemberKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** The kind of a signed record whose statement has {@code type}. */
  static MemberKind ofRecord(String type) {
    if (SnapshotStatement.TYPE.equals(type)) {
      return SNAPSHOT_RECORD;
    } else if (Manifest.TYPE.equals(type)) {
      return LOG_MANIFEST;
    } else if (DRILL_TYPE.equals(type)) {
      return DRILL_REPORT;
    } else if (WipeCertificate.TYPE.equals(type)) {
      return WIPE_CERTIFICATE;
    }
    return EVIDENCE_RECORD;
  }

  /** Whether it is a signed record (a statement in an envelope). */
  public boolean signedRecord() {
    return ordinal() <= EVIDENCE_RECORD.ordinal();
  }

  /** Whether the record must fall in the bundle's period (accounting records need not). */
  boolean dated() {
    return this == SNAPSHOT_RECORD || this == LOG_MANIFEST || this == DRILL_REPORT || this == WIPE_CERTIFICATE;
  }
}
