package org.kho.backup;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.kho.core.UsageException;

/** Checks the streams of a request: names unique, and none taking the place of a source's top folder. */
final class Streams {
  private Streams() {}

  static void check(BackupRequest request) {
    if (request.sources().isEmpty() && request.streams().isEmpty()) {
      throw new UsageException("nothing to back up", "give a path or a command whose output is backed up");
    }
    Set<String> taken = new HashSet<>();
    for (Path p : request.paths()) {
      if (p.getNameCount() > 0) {
        taken.add(p.getName(0).toString());
      }
    }
    for (BackupRequest.DataStream s : request.streams()) {
      if (!taken.add(s.name())) {
        throw new UsageException("the stored name '/" + s.name() + "' is used twice in one backup (by a stream and "
            + "another stream or a source folder)", "give each command's output its own name");
      }
    }
  }
}
