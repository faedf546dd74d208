package org.kho.wipe;

/**
 * One reason not to wipe a device, with what to do about it.
 *
 * @param reason the kind of reason
 * @param detail exactly why, naming devices, mount points and targets
 * @param hint what the operator can do
 */
public record Refusal(Reason reason, String detail, String hint) {
  /** The kinds of reasons, in the order they are checked. */
  public enum Reason {
    NOT_A_DISK, NO_MEDIUM, READ_ONLY, SYSTEM_DISK, MOUNTED, HOLDER_IN_USE, BACKUP_TARGET, IMAGE_ATTACHED, NOT_WRITABLE, METHOD_UNSUPPORTED, SERIAL_MISMATCH;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
