package org.kho.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.repository.Credential;
import org.kho.repository.Repository;
import org.kho.storage.Storage;
import org.kho.storage.local.LocalStorage;

/**
 * Opens the folder repository a command names with {@code --repo} (or {@code KHO_REPOSITORY}):
 * keyless for evidence, or with the password from {@code --password-file},
 * {@code KHO_PASSWORD_FILE} or {@code KHO_PASSWORD} for commands that read snapshots.
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

  /**
   * Opens the repository in {@code dir} with its password, takes a shared lock (so no prune
   * removes what is being read), loads its index and applies {@code read}.
   */
  static <T> T reading(Path dir, Path passwordFile, Clock clock, Function<Repository, T> read) {
    try (Repository repo = Repository.open(storage(dir), credential(passwordFile), Repository.Options.defaults(clock));
        AutoCloseable lock = repo.lock(false)) {
      repo.loadIndex();
      return read.apply(repo);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new KhoException("cannot release the repository lock: " + e.getMessage(), "'kho unlock' removes stale locks", e);
    }
  }

  private static Credential credential(Path passwordFile) {
    if (passwordFile != null) {
      return passphrase(read(passwordFile), "the password file " + passwordFile);
    }
    String env = System.getenv("KHO_PASSWORD");
    if (env != null) {
      return passphrase(env, "KHO_PASSWORD");
    }
    throw new UsageException("no repository password given",
        "pass --password-file FILE, or set KHO_PASSWORD_FILE (or KHO_PASSWORD)");
  }

  private static String read(Path passwordFile) {
    try {
      return Files.readString(passwordFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the password file " + passwordFile + ": " + e.getClass().getSimpleName(),
          "check --password-file / KHO_PASSWORD_FILE");
    }
  }

  private static Credential passphrase(String text, String where) {
    try {
      return Credential.passphrase(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + " is empty", "put the repository password in it");
    }
  }
}
