package org.kho.wipe;

/** Which passes are read back after writing: none, the last, or every one. */
public enum Verify {
  NONE, LAST, ALL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether pass {@code index} (0-based) of {@code count} is verified. */
  boolean covers(int index, int count) {
    return this == ALL || (this == LAST && index == count - 1);
  }
}
