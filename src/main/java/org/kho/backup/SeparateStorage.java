package org.kho.backup;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kho.core.KhoException;

/**
 * The regulation's rule that backups live apart from the data: a target on the same filesystem as
 * a source is refused, unless a reason is written down.
 */
final class SeparateStorage {
  private SeparateStorage() {}

  /** Throws if {@code target} shares a filesystem with any source and no reason is given. */
  static void check(Optional<Path> target, List<Path> sources, Optional<String> reason) {
    if (target.isEmpty() || reason.filter(r -> !r.isBlank()).isPresent()) {
      return;
    }
    FileStore targetStore = store(target.get());
    for (Path source : sources) {
      FileStore s = store(source);
      if (targetStore != null && targetStore.equals(s)) {
        throw new KhoException("the repository " + target.get() + " is on the same filesystem (" + s.name()
            + ") as the source " + source + ": one disk failure would lose both the data and its backup",
            "put the repository on a separate disk, or write down why this is acceptable: "
                + "--allow-same-device REASON (in the catalogue: allowSameDevice: REASON on the item)");
      }
    }
  }

  private static FileStore store(Path p) {
    try {
      return Files.getFileStore(p);
    } catch (IOException e) {
      return null;
    }
  }
}
