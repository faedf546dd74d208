package org.kho.storage.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.kho.core.IoReasons;
import org.kho.storage.StorageException;
import org.kho.storage.StorageFullException;

/** Turns the JDK's I/O exceptions into storage exceptions that say what failed and what to do. */
final class Failures {
  /** How the platforms word a full disk (Linux, quota, Windows), in lower case. */
  private static final List<String> DISK_FULL = List.of(
      "no space left on device", "disk quota exceeded", "not enough space on the disk");

  private Failures() {}

  /**
   * The exception for failing to {@code action} ("read", "write", ...) {@code path} in the
   * repository at {@code root}: {@link StorageFullException} if the disk is full.
   */
  static StorageException of(Path root, String action, Path path, IOException e) {
    if (diskFull(e)) {
      return new StorageFullException(
          path.equals(root) ? root.toString() : root + " (writing " + root.relativize(path) + ")", e);
    }
    return new StorageException("could not " + action + " " + path + ": " + IoReasons.of(e),
        "check that the disk is mounted and that kho may " + action + " there, then run again", e);
  }

  static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (DISK_FULL.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }
}
