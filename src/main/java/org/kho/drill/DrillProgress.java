package org.kho.drill;

import org.kho.restore.RestoreProgress;

/** What a running drill reports: the restore's bytes, and each stage as it starts. */
public interface DrillProgress extends RestoreProgress {
  /** A stage begins, e.g. "restoring documents from snapshot 1a2b3c4d (120 of 1,200 files)". */
  default void stage(String what) {}

  DrillProgress NONE = new DrillProgress() {};
}
