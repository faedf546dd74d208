package org.kho.backup;

/** What a running backup reports; called from several threads. */
public interface BackupProgress {
  /** The scan found this much so far (files and bytes in total). */
  default void scanned(long files, long bytes) {}

  /**
   * Whether {@link #scanned} is of use (a progress bar's ETA): the scan walks every folder once more
   * beside the backup, a cost worth paying only for someone watching.
   */
  default boolean wantsScan() {
    return true;
  }

  /** {@code bytes} more of the total are done (read and stored, or known unchanged). */
  default void advanced(long bytes) {}

  /** One more file is done. */
  default void fileDone() {}

  BackupProgress NONE = new BackupProgress() {
    @Override
    public boolean wantsScan() {
      return false;
    }
  };
}
