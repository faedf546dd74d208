package org.kho.wipe;

/** The kind of medium, which decides what NIST SP 800-88 asks for it. */
public enum MediaType {
  HDD, SSD, NVME, USB_DISK, USB_FLASH, VIRTUAL, IMAGE;

  /** The name as printed: {@code usb-flash}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether it stores on flash, where an overwrite cannot reach spare cells (Clear at best). */
  public boolean flash() {
    return this == SSD || this == NVME || this == USB_FLASH;
  }
}
