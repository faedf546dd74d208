package org.kho.wipe;

import java.time.Instant;
import java.util.List;
import org.kho.wipe.WipeMethod.NistCategory;

/**
 * A certificate of sanitization (NIST SP 800-88 §4.8, Appendix G): what was wiped, how, with what
 * result, when, by whom, witnessed by whom. Signed into a {@link SignedCertificate}.
 *
 * @param id the certificate's number, e.g. {@code W-20261121-3f9a1c2b}
 * @param assetTag the agency's property number of the disk or of the computer it came from, or null
 * @param device the medium
 * @param method the method's label ({@code random}, {@code nvme-sanitize-crypto})
 * @param methodDescription what the method does
 * @param category the NIST SP 800-88 category reached
 * @param passes the passes of an overwrite, in order ({@code 0x00}, {@code random}); empty for firmware
 * @param passesCompleted how many of them ran to the end
 * @param verification how the result was checked, and what was found
 * @param started when the wipe started (the first run, if it was resumed)
 * @param finished when it ended
 * @param operator who ran it
 * @param witness who witnessed it, or null
 * @param host the machine it ran on
 * @param tool Kho and its version
 * @param directIo whether writes and reads went around the page cache
 * @param interruptions how many times it was interrupted and resumed
 * @param outcome whether the medium is erased
 * @param notes anything an auditor should know (e.g. spare flash cells an overwrite cannot reach)
 */
public record WipeCertificate(String id, String assetTag, Medium device, String method, String methodDescription,
    NistCategory category, List<String> passes, int passesCompleted, Verification verification, Instant started,
    Instant finished, String operator, String witness, String host, String tool, boolean directIo, int interruptions,
    Outcome outcome, List<Note> notes) {

  /** The {@code type} of a wipe certificate's signed statement. */
  public static final String TYPE = "kho.wipe.v1";

  public WipeCertificate {
    passes = List.copyOf(passes);
    notes = List.copyOf(notes);
  }

  /**
   * The medium, as identified when it was wiped.
   *
   * @param path the device node or image file
   * @param vendor make, or null
   * @param model model, or null
   * @param serial serial number (for an image file, its file name)
   * @param capacity bytes
   * @param media the kind of medium
   * @param transport sata, nvme, usb, ... or null
   */
  public record Medium(String path, String vendor, String model, String serial, long capacity, MediaType media,
      String transport) {
    static Medium of(Device d) {
      return new Medium(d.path(), d.vendor(), d.model(), d.confirmation(), d.size(), d.media(), d.transport());
    }
  }

  /**
   * How the wipe was checked.
   *
   * @param mode none, last or all passes read back; {@code firmware} when the device reported it
   * @param result what was found
   * @param bytesRead bytes read back and compared
   * @param bytesMismatched bytes that did not read back as written
   * @param firstMismatch the lowest offset of a mismatch, or -1
   */
  public record Verification(String mode, Result result, long bytesRead, long bytesMismatched, long firstMismatch) {
    /** What verification found. */
    public enum Result { PASSED, FAILED, NOT_VERIFIED, REPORTED_BY_DEVICE }
  }

  /** Whether the medium is erased. */
  public enum Outcome { ERASED, FAILED }
}
