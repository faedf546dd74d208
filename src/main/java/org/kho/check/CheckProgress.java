package org.kho.check;

/** What a running check reports. */
public interface CheckProgress {
  default void total(long packs, long bytes) {}

  default void advanced(long bytes) {}

  CheckProgress NONE = new CheckProgress() {};
}
