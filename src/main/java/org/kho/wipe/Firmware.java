package org.kho.wipe;

/**
 * Erase commands the device's own firmware carries out (NIST Purge where the medium allows), driven
 * through hdparm, nvme-cli and blkdiscard by {@link FirmwareEraser}. They reach blocks an overwrite
 * cannot (spare flash cells, remapped sectors) and finish in minutes whatever the capacity.
 */
public enum Firmware implements WipeMethod {
  NVME_SANITIZE_CRYPTO("nvme-sanitize-crypto", "NVMe Sanitize, cryptographic erase (whole controller)"),
  NVME_SANITIZE_BLOCK("nvme-sanitize-block", "NVMe Sanitize, block erase (whole controller)"),
  NVME_FORMAT_CRYPTO("nvme-format-crypto", "NVMe Format with Secure Erase Setting 2 (cryptographic erase)"),
  NVME_FORMAT_ERASE("nvme-format-erase", "NVMe Format with Secure Erase Setting 1 (user data erase)"),
  ATA_SANITIZE_CRYPTO("ata-sanitize-crypto", "ATA Sanitize, CRYPTO SCRAMBLE EXT"),
  ATA_SANITIZE_BLOCK("ata-sanitize-block", "ATA Sanitize, BLOCK ERASE EXT"),
  ATA_SANITIZE_OVERWRITE("ata-sanitize-overwrite", "ATA Sanitize, OVERWRITE EXT"),
  ATA_SECURE_ERASE("ata-secure-erase", "ATA SECURITY ERASE UNIT, enhanced mode"),
  BLKDISCARD_SECURE("blkdiscard-secure", "secure discard of every block (blkdiscard --secure)");

  private final String label;
  private final String description;

  Firmware(String label, String description) {
    this.label = label;
    this.description = description;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * Purge, except where NIST SP 800-88 says less: ATA Security Erase on flash is only a Clear (it
   * may miss spare cells), and a secure discard is counted as Clear because nothing can confirm
   * what the device did.
   */
  @Override
  public NistCategory category(MediaType media) {
    return switch (this) {
      case ATA_SECURE_ERASE -> media.flash() ? NistCategory.CLEAR : NistCategory.PURGE;
      case BLKDISCARD_SECURE -> NistCategory.CLEAR;
      default -> NistCategory.PURGE;
    };
  }
}
