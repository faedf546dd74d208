package org.kho.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.kho.core.UsageException;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.storage.Storage;
import org.kho.storage.local.LocalStorage;

/**
 * Opens the folder repository a command names with {@code --repo} (or {@code KHO_REPOSITORY}):
 * keyless for evidence, or with its key ({@link RepoOptions}) for commands that read snapshots.
 */
final class OpenRepository {
  private OpenRepository() {}

  /** The storage of the repository in folder {@code dir}; no password needed. */
  static Storage storage(Path dir) {
    if (dir == null) {
      throw new UsageException("no repository given", "pass --repo DIR or set KHO_REPOSITORY");
    }
    return LocalStorage.open(dir);
  }

  /** The storage of an existing repository folder; refuses a folder that does not exist. */
  static Storage existing(Path dir) {
    if (dir == null) {
      throw new UsageException("no repository given", "pass --repo DIR or set KHO_REPOSITORY");
    }
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new org.kho.repository.RepositoryException.NotFound(dir.toString(), "the folder does not exist");
    }
    return LocalStorage.open(dir);
  }

  /**
   * Opens the repository {@code options} name with its key, takes a shared lock (so no prune
   * removes what is being read), loads its index and applies {@code read}.
   */
  static <T> T reading(RepoOptions options, Clock clock, Function<Repository, T> read) {
    try (Repository repo = options.open(clock); RepositoryLock lock = repo.lock(false)) {
      repo.loadIndex();
      return read.apply(repo);
    }
  }
}
