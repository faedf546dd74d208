package org.kho.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.kho.evidence.BundleReport.Failure;

/**
 * Reads the members of an evidence bundle into memory, never onto disk, so that no member name can
 * write outside a folder. A member that appears twice, and a zip that is damaged, are failures.
 */
final class BundleReader {
  /** Bundles larger than this are refused: an evidence bundle holds records, not data. */
  static final long MAX_BYTES = 2L << 30;

  private BundleReader() {}

  /** The members in the order of the zip, and what was wrong reading it. */
  record Opened(Map<String, byte[]> members, List<Failure> failures) {}

  static Opened read(InputStream in) {
    Map<String, byte[]> members = new LinkedHashMap<>();
    List<Failure> failures = new ArrayList<>();
    long total = 0;
    String current = "(the zip file)";
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        current = e.getName();
        byte[] bytes = zip.readAllBytes();
        total += bytes.length;
        if (total > MAX_BYTES) {
          failures.add(new Failure(current, MemberKind.MANIFEST.id(), "too large", "the bundle holds more than 2 GiB"));
          break;
        }
        if (e.isDirectory()) {
          continue;
        }
        if (members.putIfAbsent(current, bytes) != null) {
          failures.add(new Failure(current, "unknown", "duplicate member", "the zip holds two members named " + current));
        }
      }
      if (members.isEmpty() && failures.isEmpty()) {
        failures.add(new Failure("(the zip file)", MemberKind.MANIFEST.id(), "not a bundle", "the file holds no zip members"));
      }
    } catch (IOException ex) {
      failures.add(new Failure(current, "unknown", "damaged zip",
          "the zip cannot be read at or after " + current + ": " + ex.getMessage()));
    }
    return new Opened(members, failures);
  }
}
