package org.kho.wipe;

/** Hears how a wipe goes; the CLI draws a bar with throughput and ETA. Called from the wiping thread. */
public interface WipeProgress {
  /** Does nothing. */
  WipeProgress NONE = new WipeProgress() {};

  /**
   * A pass (or its verification) starts, or resumes with {@code done} of {@code bytes} already behind it.
   *
   * @param step what runs, e.g. "pass 2/3 0xFF" or "verify pass 3/3 random"
   */
  default void phase(String step, long bytes, long done) {}

  /** {@code bytes} more were written or verified. */
  default void advanced(long bytes) {}

  /** The last pass or command ended (signing and recording follow). */
  default void finished() {}
}
