package org.kho.evidence;

import java.util.List;

/**
 * What {@link EvidenceVerifier} found in a repository's evidence, checked against one public key.
 *
 * @param repository where the repository is
 * @param key the fingerprint of the key the records were checked against
 * @param verified the statements whose record verifies and whose subject is intact, oldest first
 * @param failures the records that do not verify, and why, by record name
 * @param unsigned the snapshot objects no record with a good signature names, by name
 */
public record EvidenceReport(String repository, String key, List<Verified> verified, List<Failure> failures,
    List<String> unsigned) {

  public EvidenceReport {
    verified = List.copyOf(verified);
    failures = List.copyOf(failures);
    unsigned = List.copyOf(unsigned);
  }

  /** Whether every record verifies and every snapshot is signed. */
  public boolean ok() {
    return failures.isEmpty() && unsigned.isEmpty();
  }

  /**
   * A statement that verifies.
   *
   * @param record the evidence object holding it
   * @param type what it attests, e.g. {@code kho.snapshot.v1}
   * @param time when, as the statement says it (ISO-8601), or null
   * @param host the machine it names, or null
   * @param item the catalogue item it names, or null
   * @param snapshot the snapshot object it binds, for snapshot statements; null otherwise
   * @param copiedFrom for a snapshot copied byte for byte from another repository, that
   *     repository's id (the statement was signed there); null otherwise
   */
  public record Verified(String record, String type, String time, String host, String item, String snapshot,
      String copiedFrom) {
    /** The first 8 hex digits of the snapshot's name, or null. */
    public String shortSnapshot() {
      return snapshot == null ? null : snapshot.substring(0, Math.min(8, snapshot.length()));
    }
  }

  /**
   * A record that does not verify.
   *
   * @param record the evidence object
   * @param problem what kind of failure
   * @param detail what exactly is wrong, naming keys, repositories and snapshots
   */
  public record Failure(String record, Problem problem, String detail) {}

  /** Why a record fails, in the order verification checks. */
  public enum Problem {
    /** The object is not an evidence record, or its statement is not a JSON object with a type. */
    UNREADABLE("unreadable record"),
    /** The record says it was signed by a key other than the one checked against. */
    OTHER_SIGNER("signed by another key"),
    /** The signature does not match the statement: one of them was changed. */
    BAD_SIGNATURE("bad signature"),
    /** The statement is about a snapshot of another repository. */
    OTHER_REPOSITORY("about another repository"),
    /** The snapshot the statement binds is not in the repository. */
    SNAPSHOT_MISSING("snapshot missing"),
    /** The snapshot the statement binds is there, but its bytes changed after signing. */
    SNAPSHOT_ALTERED("snapshot altered");

    private final String label;

    Problem(String label) {
      this.label = label;
    }

    /** A few words for people. */
    public String label() {
      return label;
    }
  }
}
