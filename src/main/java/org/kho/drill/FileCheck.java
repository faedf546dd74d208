package org.kho.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.repository.Node;

/**
 * Compares a restored file's metadata with its snapshot record: size, permission bits and
 * modification time (to the microsecond, what every Linux filesystem keeps). Its content was
 * compared when it was restored: read back from disk and re-hashed against the chunk ids
 * (HMAC-SHA-256) the snapshot records.
 */
final class FileCheck {
  private FileCheck() {}

  /** What is wrong with the restored copy at {@code file}, or empty when it matches {@code node}. */
  static Optional<String> mismatch(Path file, Node node) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:size,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
      List<String> wrong = new ArrayList<>();
      long size = (Long) a.get("size");
      if (size != node.size()) {
        wrong.add("size " + size + " bytes, recorded " + node.size());
      }
      int mode = (Integer) a.get("mode") & 07777;
      if (mode != node.mode()) {
        wrong.add("mode " + Integer.toOctalString(mode) + ", recorded " + Integer.toOctalString(node.mode()));
      }
      if (node.mtime() != null) {
        FileTime mtime = (FileTime) a.get("lastModifiedTime");
        if (!mtime.toInstant().truncatedTo(ChronoUnit.MICROS).equals(node.mtime().truncatedTo(ChronoUnit.MICROS))) {
          wrong.add("modified " + mtime.toInstant() + ", recorded " + node.mtime());
        }
      }
      return wrong.isEmpty() ? Optional.empty() : Optional.of("restored with " + String.join(", ", wrong));
    } catch (IOException e) {
      return Optional.of("missing after the restore (" + e.getMessage() + ")");
    }
  }
}
