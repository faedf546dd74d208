package org.kho.wipe;

/** A warning a plan shows and a certificate keeps; reports translate it by its name. */
public enum Note {
  FLASH_SPARE_CELLS("an overwrite reaches every addressable block but not spare flash cells: NIST Clear; "
      + "a firmware sanitize reaches Purge"),
  NOT_VERIFIED("not verified: NIST SP 800-88 asks that every Clear be verified"),
  PAGE_CACHE("the filesystem refused direct I/O: writes were flushed, but verification read through the page cache"),
  FIRMWARE_NOT_READ_BACK("the device reported the erase complete; Kho did not read it back");

  private final String text;

  Note(String text) {
    this.text = text;
  }

  /** The English text. */
  public String text() {
    return text;
  }
}
