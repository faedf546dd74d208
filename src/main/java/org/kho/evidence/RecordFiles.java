package org.kho.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kho.crypto.VerifyingKey;
import org.kho.evidence.EvidenceReport.Failure;
import org.kho.evidence.EvidenceReport.Problem;
import org.kho.evidence.EvidenceReport.Verified;
import org.kho.repository.EvidenceRecord;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;

/**
 * Verifies signed evidence kept as files outside a repository (wipe certificates from the disposal
 * register) with the public key alone: the same envelope, signer and signature checks as
 * {@link EvidenceVerifier}; a wipe certificate's statement must also hold a whole certificate.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /** Checks every file against {@code key}; never throws for a bad file, only reports it. */
  public static EvidenceReport verify(List<Path> files, VerifyingKey key) {
    List<Verified> verified = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (Path f : files) {
      String name = f.toString();
      try {
        EvidenceRecord rec = read(f);
        Statement s = EvidenceVerifier.authenticate(rec, key);
        if (WipeCertificate.TYPE.equals(s.type()) && SignedCertificate.parse(rec.statement()).isEmpty()) {
          throw new EvidenceVerifier.Rejected(Problem.UNREADABLE, "the signed statement is not a whole wipe certificate");
        }
        verified.add(s.verified(name, null));
      } catch (EvidenceVerifier.Rejected r) {
        failures.add(new Failure(name, r.problem(), r.getMessage()));
      }
    }
    String where = files.size() == 1 ? files.getFirst().toString() : files.size() + " files";
    return new EvidenceReport(where, key.fingerprint(), verified, failures, List.of());
  }

  private static EvidenceRecord read(Path f) throws EvidenceVerifier.Rejected {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new EvidenceVerifier.Rejected(Problem.UNREADABLE, f + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return Envelopes.parse(bytes).orElseThrow(() -> new EvidenceVerifier.Rejected(Problem.UNREADABLE,
        f + " is not a signed record: not JSON, or it lacks its statement, signer or signature"));
  }
}
