package org.kho.catalogue;

import java.nio.file.Path;
import java.util.List;

/** What an item backs up: files under a path, or the output of a command. */
public sealed interface Source {
  /** Files and folders under {@code path}, filtered by glob patterns relative to it. */
  record Files(Path path, List<String> include, List<String> exclude) implements Source {}

  /** A command whose standard output is the data (e.g. {@code pg_dump -Fc}), stored as {@code name}. */
  record Command(CommandLine command, String name) implements Source {}
}
