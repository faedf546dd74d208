package org.kho.catalogue;

/** The kind of storage a target is on, for the 3-2-1 rule (copies on at least two media). */
public enum Media {
  DISK, EXTERNAL_DISK, NAS, REMOTE, TAPE, CLOUD;

  /** The name as written in the catalogue: {@code external-disk}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether a copy on this medium counts as away from the machine. */
  public boolean offsite() {
    return this == REMOTE || this == CLOUD || this == TAPE;
  }
}
