package org.kho.logarchive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The monthly manifest of one log source in one repository: every file (or part of a file) the
 * month holds, with size, SHA-256 and first/last timestamp; the snapshot holding them; and the
 * SHA-256 of the previous manifest's statement, which chains the months. It is the statement of
 * a signed evidence record (FORMAT.md), so {@code kho evidence verify} checks its signature.
 *
 * @param sequence 1 for a source's first manifest in a repository, then one more each time
 * @param previous SHA-256 (hex) of the previous manifest's statement text, or null for the first
 * @param closed false for a month archived with --force while still open; it is archived again
 *     once closed, and the later manifest counts
 * @param snapshot the snapshot object holding the month's files, or null for a month without logs
 * @param keepUntil the first day the month may be removed (ISO date)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String type, String repository, String source, String month, long sequence, String previous,
    boolean closed, String snapshot, String time, String host, String zone, int keepMonths, String keepUntil,
    long files, long bytes, List<Entry> entries) {
  /** The {@code type} of a log-month statement. */
  public static final String TYPE = "kho.logs.month.v1";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public Manifest {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /**
   * One file of the month, as stored.
   *
   * @param name the original's full path
   * @param size bytes stored (the month's part of the file)
   * @param sha256 of the bytes stored
   * @param first the first timestamp in them (local time of the source's zone), or null
   * @param last the last timestamp in them, or null
   * @param offset where the stored bytes start in the original
   * @param originalSize the original's size when it was read
   * @param mtime the original's modification time when it was read
   * @param compressed whether it is gzip data, stored as it is
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(String name, long size, String sha256, String first, String last, long offset,
      long originalSize, String mtime, boolean compressed) {}

  public YearMonth yearMonth() {
    return YearMonth.parse(month);
  }

  /** The exact JSON text that is signed and chained. */
  String statement() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a manifest", e);
    }
  }

  /** The manifest in a statement, or empty when it is not one (another type, or not JSON). */
  static Optional<Manifest> parse(String statement) {
    try {
      JsonNode n = JSON.readTree(statement);
      if (n == null || !TYPE.equals(n.path("type").asText())) {
        return Optional.empty();
      }
      Manifest m = JSON.treeToValue(n, Manifest.class);
      YearMonth.parse(m.month());
      return Optional.of(m);
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The SHA-256 (hex) of a statement's UTF-8 bytes: what the next month's manifest names. */
  static String hash(String statement) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(statement.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
