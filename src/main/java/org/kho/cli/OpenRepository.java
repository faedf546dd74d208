package org.kho.cli;

import java.time.Clock;
import java.util.function.Function;
import org.kho.app.Targets;
import org.kho.core.UsageException;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.storage.Storage;

/**
 * Opens the repository (folder or remote URL) a command names with {@code --repo} (or {@code KHO_REPOSITORY}):
 * keyless for evidence, or with its key ({@link RepoOptions}) for commands that read snapshots.
 */
final class OpenRepository {
  private OpenRepository() {}

  /** The storage of the repository at {@code location} (a folder or a URL); no repository password needed. */
  static Storage storage(String location, RemoteOptions remote) {
    if (location == null || location.isBlank()) {
      throw new UsageException("no repository given", "pass --repo DIR (or an sftp:// or ftps:// URL) or set KHO_REPOSITORY");
    }
    return new Targets(System.getenv()).open(location, remote.remote());
  }

  /** The storage of an existing repository folder; refuses a folder that does not exist. */
  static Storage existing(java.nio.file.Path dir) {
    if (dir == null) {
      throw new UsageException("no repository given", "pass --repo DIR or set KHO_REPOSITORY");
    }
    return new Targets(System.getenv()).open(dir.toString(), Targets.Remote.NONE);
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
