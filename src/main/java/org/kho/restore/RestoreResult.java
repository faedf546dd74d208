package org.kho.restore;

import java.util.List;
import org.kho.repository.SnapshotRef;

/** What a restore wrote, and each file it could not write correctly. */
public record RestoreResult(SnapshotRef snapshot, long files, long dirs, long bytes, long verified,
    List<Failure> failures) {
  /** A file that is not restored (or failed verification), and why. */
  public record Failure(String path, String what) {}

  public boolean ok() {
    return failures.isEmpty();
  }
}
