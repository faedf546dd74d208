package org.kho.app;

import java.util.List;
import org.kho.core.UsageException;
import org.kho.repository.HoldRef;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.SnapshotRef;

/** Places, lists and releases legal holds on snapshots. */
public final class HoldService {
  private final Repository repo;

  public HoldService(Repository repo) {
    this.repo = repo;
  }

  /** Holds the snapshot {@code ref} (an id prefix; "latest" is refused: a hold names one snapshot). */
  public HoldRef add(String ref, String reason) {
    if (ref.equals("latest")) {
      throw new UsageException("a legal hold names one snapshot, not 'latest'", "give its id from 'kho snapshots'");
    }
    try (RepositoryLock lock = repo.lock(false)) {
      SnapshotRef snapshot = repo.snapshot(ref);
      return repo.addHold(snapshot, reason);
    }
  }

  public List<HoldRef> list() {
    return repo.holds();
  }

  /** Releases every hold on the snapshot whose id starts with {@code ref}; returns them. */
  public List<HoldRef> remove(String ref, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new UsageException("releasing a legal hold needs a reason", "pass --reason TEXT, e.g. the decision that ends it");
    }
    String prefix = ref.toLowerCase(java.util.Locale.ROOT);
    try (RepositoryLock lock = repo.lock(false)) {
      List<HoldRef> matching = repo.holds().stream().filter(h -> h.hold().snapshot().startsWith(prefix)).toList();
      if (matching.isEmpty() || matching.stream().map(h -> h.hold().snapshot()).distinct().count() > 1 || prefix.length() < 4) {
        throw new UsageException((matching.isEmpty() ? "no hold is on a snapshot" : "holds are on more than one snapshot")
            + " whose id starts with '" + ref + "'", "'kho hold list' shows the held snapshots (give at least 4 hex digits)");
      }
      matching.forEach(h -> repo.removeHold(h, reason.strip()));
      return matching;
    }
  }
}
