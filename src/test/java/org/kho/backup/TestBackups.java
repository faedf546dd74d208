package org.kho.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.kho.crypto.Argon2id;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.storage.local.LocalStorage;

/**
 * Real repositories for the tests of the packages that read what backup writes: a new folder
 * repository with a cheap KDF, opened with {@link #PASSWORD}, and plain backups into it.
 */
public final class TestBackups {
  /** 2026-11-21 12:00 in Hanoi. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  public static final String PASSWORD = "pw";
  private static final Repository.Options CHEAP = new Repository.Options(CLOCK, new Host(), new Argon2id(64, 1, 1));

  private TestBackups() {}

  /** A small source folder in {@code dir}: docs/note.txt ("hello") and secret.txt (mode 600). */
  public static Path smallSource(Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir.resolve("docs"));
    java.nio.file.Files.writeString(dir.resolve("docs/note.txt"), "hello");
    java.nio.file.Files.writeString(dir.resolve("secret.txt"), "top secret");
    java.nio.file.Files.setPosixFilePermissions(dir.resolve("secret.txt"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return dir;
  }

  /** A new repository in the new or empty folder {@code dir}. */
  public static Repository init(Path dir) {
    return Repository.init(LocalStorage.create(dir), Credential.passphrase(PASSWORD), CHEAP);
  }

  /** Backs up {@code source} (allowed on the repository's filesystem) and returns the snapshot. */
  public static SnapshotRef backup(Repository repo, Path source) {
    return new BackupService(repo, CLOCK, "test").run(request(source), BackupProgress.NONE).snapshot();
  }

  /** An ad hoc backup request for {@code source}, allowed on the repository's filesystem. */
  public static BackupRequest request(Path source) {
    return new BackupRequest(List.of(new BackupRequest.Source(source, List.of(), List.of())), null,
        List.of(), Optional.empty(), false, Optional.of("test"));
  }
}
