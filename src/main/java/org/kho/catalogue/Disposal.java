package org.kho.catalogue;

import java.util.List;

/** Defaults for wiping disks slated for disposal (run by the wipe capability). */
public record Disposal(WipeMethod method, Verify verify, boolean requireWitness, List<String> languages) {
  /** What an empty {@code disposal:} means: one random pass, verified, no witness required. */
  public static final Disposal DEFAULT = new Disposal(WipeMethod.RANDOM, Verify.LAST, false, List.of("vi", "en"));

  /** Copies the list. */
  public Disposal {
    languages = List.copyOf(languages);
  }

  /** The overwrite or firmware methods a disposal officer may choose. */
  public enum WipeMethod {
    ZERO, RANDOM, DOD_3PASS, DOD_7PASS, FIRMWARE_ERASE, FIRMWARE_SANITIZE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** How much of the device is read back after the wipe. */
  public enum Verify {
    NONE, LAST, ALL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
