package org.kho.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kho.crypto.VerifyingKey;
import org.kho.evidence.EvidenceReport.Failure;
import org.kho.evidence.EvidenceReport.Problem;
import org.kho.evidence.EvidenceReport.Verified;
import org.kho.repository.EvidenceStore;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.RepositoryException;

/**
 * Verifies every evidence record of a repository with the agency's public key alone. A record
 * verifies when it names that key as its signer, its Ed25519 signature matches its statement, the
 * statement is a JSON object with a type, and, for a snapshot statement, the statement is about
 * this repository and the snapshot object it names is there with the very bytes it was named for
 * (the name is their SHA-256, so the signature binds every byte). A statement about another
 * repository verifies as a copy (see {@code kho copy}) when the very bytes it signed are here too;
 * without them it is about another repository and fails. Statements of other types are
 * verified by signature alone. Snapshot objects no well-signed record names are reported unsigned.
 * A missing snapshot is accepted when a well-signed {@code kho.forget.v1} statement says retention
 * removed it.
 */
public final class EvidenceVerifier {
  private final EvidenceStore store;

  public EvidenceVerifier(EvidenceStore store) {
    this.store = store;
  }

  /** Checks every record against {@code key}; never throws for a bad record, only reports it. */
  public EvidenceReport verify(VerifyingKey key) {
    String repository = store.repositoryId();
    List<Verified> verified = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    Set<String> signed = new HashSet<>();
    java.util.Map<String, Statement> authentic = new java.util.TreeMap<>();
    Set<String> forgotten = new HashSet<>();
    for (String name : store.recordNames()) {
      try {
        Statement s = authenticate(name, key);
        authentic.put(name, s);
        if (s.forgets() && Objects.equals(s.repository(), repository)) {
          forgotten.add(s.snapshot());
        }
      } catch (Rejected r) {
        failures.add(new Failure(name, r.problem(), r.getMessage()));
      }
    }
    authentic.forEach((name, s) -> {
      try {
        String copiedFrom = null;
        if (s.aboutSnapshot()) {
          signed.add(s.snapshot());
          copiedFrom = checkSnapshot(s, repository, forgotten);
        }
        verified.add(s.verified(name, copiedFrom));
      } catch (Rejected r) {
        failures.add(new Failure(name, r.problem, r.getMessage()));
      }
    });
    verified.sort(Comparator.comparing(Verified::time, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Verified::record));
    List<String> unsigned = store.snapshotNames().stream().filter(n -> !signed.contains(n)).toList();
    return new EvidenceReport(store.describe(), key.fingerprint(), verified, failures, unsigned);
  }

  /** The statement of record {@code name}, if {@code key} signed it. */
  private Statement authenticate(String name, VerifyingKey key) throws Rejected {
    EvidenceRecord rec;
    try {
      rec = store.record(name);
    } catch (RepositoryException.Damaged e) {
      throw new Rejected(Problem.UNREADABLE, e.getMessage());
    }
    return authenticate(rec, key);
  }

  /** The statement of {@code rec}, if {@code key} signed it and it is a JSON object with a type. */
  static Statement authenticate(EvidenceRecord rec, VerifyingKey key) throws Rejected {
    if (!rec.signer().equals(key.fingerprint())) {
      throw new Rejected(Problem.OTHER_SIGNER,
          "signed by key " + rec.signer() + ", not by the key checked against, " + key.fingerprint());
    }
    if (!key.verify(rec.statement().getBytes(StandardCharsets.UTF_8), signature(rec))) {
      String claims = Statement.parse(rec.statement()).map(s -> "the " + s.describe() + ": ").orElse("");
      throw new Rejected(Problem.BAD_SIGNATURE, claims
          + "the signature does not match the statement under key " + key.fingerprint() + ": one of them was changed");
    }
    return Statement.parse(rec.statement())
        .orElseThrow(() -> new Rejected(Problem.UNREADABLE, "the signed statement is not a JSON object with a type"));
  }

  private static byte[] signature(EvidenceRecord rec) throws Rejected {
    try {
      return Base64.getDecoder().decode(rec.signature());
    } catch (IllegalArgumentException e) {
      throw new Rejected(Problem.BAD_SIGNATURE, "the signature is not base64");
    }
  }

  /**
   * Makes sure the snapshot a signed statement binds is present and unchanged: this repository's,
   * or a byte-for-byte copy of another's. Returns the id of that other repository, or null.
   */
  private String checkSnapshot(Statement s, String repository, Set<String> forgotten) throws Rejected {
    String snapshot = s.snapshot() == null ? "(none)" : s.snapshot();
    EvidenceStore.ObjectState state = store.snapshotState(snapshot);
    if (!Objects.equals(s.repository(), repository)) {
      if (state == EvidenceStore.ObjectState.INTACT) {
        return s.repository();
      }
      throw new Rejected(Problem.OTHER_REPOSITORY,
          "the statement is about repository " + s.repository() + ", this is " + repository
              + ", and the snapshot it signs is not here as it was signed");
    }
    switch (state) {
      case MISSING -> {
        if (!forgotten.contains(snapshot)) { // a snapshot forgotten under a signed statement is accounted for
          throw new Rejected(Problem.SNAPSHOT_MISSING,
              "snapshot " + snapshot + " is not in the repository (deleted, or never written)");
        }
      }
      case ALTERED -> throw new Rejected(Problem.SNAPSHOT_ALTERED,
          "the bytes of snapshot " + snapshot + " no longer hash to its name: it was changed after signing");
      case INTACT -> {
        // exactly the bytes that were signed
      }
    }
    return null;
  }

  /** Why one record does not verify; caught per record, never leaves this package. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    Rejected(Problem problem, String detail) {
      super(detail, null, false, false);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }
}
