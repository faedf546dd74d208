package org.kho.repository;

/** What a running copy reports. */
public interface CopyProgress {
  /** About {@code bytes} of data will be copied (known once the snapshots' trees are walked). */
  default void total(long files, long bytes) {}

  /** {@code bytes} more are copied. */
  default void advanced(long bytes) {}

  CopyProgress NONE = new CopyProgress() {};
}
