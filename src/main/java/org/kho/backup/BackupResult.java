package org.kho.backup;

import org.kho.repository.SnapshotRef;

/** A committed snapshot and whether a parent made the run incremental. */
public record BackupResult(SnapshotRef snapshot, String parent, boolean signed) {
  public boolean complete() {
    return snapshot.snapshot().complete();
  }
}
