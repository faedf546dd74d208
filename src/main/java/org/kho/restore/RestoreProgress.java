package org.kho.restore;

/** What a running restore reports; called from several threads. */
public interface RestoreProgress {
  default void total(long files, long bytes) {}

  default void advanced(long bytes) {}

  RestoreProgress NONE = new RestoreProgress() {};
}
