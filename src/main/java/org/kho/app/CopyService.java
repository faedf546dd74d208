package org.kho.app;

import java.util.List;
import java.util.Optional;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.repository.CopyProgress;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.SnapshotCopier;
import org.kho.repository.SnapshotRef;

/**
 * {@code kho copy}: replicates snapshots into another repository (another medium, another site),
 * under shared locks on both, reusing what the target already holds. A copy must stay signed:
 * where it cannot keep its original signature (different keys), a signing key is required.
 */
public final class CopyService {
  /** Copies {@code refs} ("latest" or id prefixes; all snapshots when empty) from {@code from} into {@code to}. */
  public SnapshotCopier.Result copy(Repository from, Repository to, List<String> refs, Optional<SigningKey> signer,
      CopyProgress progress) {
    if (from.config().id().equals(to.config().id())) {
      throw new UsageException("the source and the target are the same repository", "give another --to-repo");
    }
    try (RepositoryLock a = from.lock(false); RepositoryLock b = to.lock(false)) {
      from.loadIndex();
      to.loadIndex();
      to.indexOrphanPacks(true);
      List<SnapshotRef> selected = refs.isEmpty() ? from.snapshots() : refs.stream().map(from::snapshot).toList();
      SnapshotCopier copier = new SnapshotCopier(from, to);
      signer.ifPresent(to::signWith);
      if (!copier.raw() && signer.isEmpty() && selected.stream().anyMatch(s -> s.snapshot().signer() != null)) {
        throw new UsageException("the two repositories have different keys, so copies cannot keep their original "
            + "signatures and must be signed anew", "give --signing-key (or $KHO_SIGNING_KEY_FILE), or create the "
            + "target with 'kho repo init --copy-params-from SOURCE' so that copies keep their signatures");
      }
      return copier.copy(selected, progress);
    }
  }
}
