/**
 * Secure wipe of disks slated for disposal (DESIGN §6, NIST SP 800-88).
 *
 * <p>Nouns: a {@link org.kho.wipe.Device} is a block device or an image file, found by
 * {@link org.kho.wipe.Devices} (lsblk, findmnt and /sys/block); {@link org.kho.wipe.Safety} lists
 * every reason to refuse one ({@link org.kho.wipe.Refusal}: mounted, system disk, LVM/MD/dm-crypt in
 * use, holds a backup target, ...). A {@link org.kho.wipe.WipeMethod} is either an
 * {@link org.kho.wipe.Overwrite} scheme (NIST Clear: passes of fixed bytes or AES-CTR keystream,
 * written by {@link org.kho.wipe.Overwriter} with large aligned direct writes and verified by direct
 * reads) or a {@link org.kho.wipe.Firmware} command (NIST Purge through hdparm, nvme or blkdiscard).
 * An interrupted overwrite leaves a {@link org.kho.wipe.Journal} record and resumes from it.
 *
 * <p>Every wipe ends in a {@link org.kho.wipe.WipeCertificate}, signed with the agency key into a
 * {@link org.kho.wipe.SignedCertificate} (the same statement/signer/signature envelope as a
 * repository's evidence records) and kept in a {@link org.kho.wipe.CertificateRegister}.
 *
 * <p>Imports {@code crypto} and {@code core} only. Engines never print: progress goes to a
 * {@link org.kho.wipe.WipeProgress}.
 */
package org.kho.wipe;
