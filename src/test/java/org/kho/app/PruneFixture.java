package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.kho.backup.BackupProgress;
import org.kho.backup.BackupService;
import org.kho.backup.TestBackups;
import org.kho.check.CheckProgress;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.crypto.Argon2id;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreService;
import org.kho.storage.ObjectKind;
import org.kho.storage.Storage;

/** Repositories on any storage with a cheap KDF, sources of random bytes, and the checks prune tests make. */
final class PruneFixture {
  /**
   * A fixed clock at the time the tests start, not in the past: a lock dated before this process
   * started would look like one left by an earlier process with the same pid, and be stale.
   */
  static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC);
  static final Repository.Options CHEAP = new Repository.Options(CLOCK, new Host(), new Argon2id(64, 1, 1));

  private PruneFixture() {}

  static Repository init(Storage storage) {
    return Repository.init(storage, Credential.passphrase(TestBackups.PASSWORD), CHEAP);
  }

  static Repository open(Storage storage) {
    return Repository.open(storage, Credential.passphrase(TestBackups.PASSWORD), CHEAP);
  }

  /** Backs up {@code source}, an hour after the repository's newest snapshot (so "newest" is never a tie). */
  static SnapshotRef backup(Repository repo, Path source) {
    java.time.Clock later = java.time.Clock.offset(CLOCK, java.time.Duration.ofHours(repo.snapshots().size()));
    return new BackupService(repo, later, "test").run(TestBackups.request(source), BackupProgress.NONE).snapshot();
  }

  /** Two snapshots: the first has a.bin and shared.bin, the second shared.bin and c.bin. */
  static SnapshotRef[] twoSnapshots(Repository repo, Path src) throws IOException {
    random(src.resolve("a.bin"), 300_000, 1);
    random(src.resolve("shared.bin"), 100_000, 2);
    SnapshotRef first = backup(repo, src);
    Files.delete(src.resolve("a.bin"));
    random(src.resolve("c.bin"), 50_000, 3);
    SnapshotRef second = backup(repo, src);
    return new SnapshotRef[] {first, second};
  }

  /** A source folder {@code dir} with two files of random bytes. */
  static Path twoFiles(Path dir) throws IOException {
    random(dir.resolve("x.bin"), 200_000, 7);
    random(dir.resolve("y.bin"), 20_000, 8);
    return dir;
  }

  /** Writes {@code size} random bytes (from {@code seed}) to {@code file}. */
  static void random(Path file, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Files.createDirectories(file.getParent());
    Files.write(file, b);
  }

  /** The sum of the sizes of every pack. */
  static long packBytes(Storage storage) {
    return storage.list(ObjectKind.DATA).stream().mapToLong(Storage.ObjectInfo::size).sum();
  }

  /** Reads every pack in full: the repository must have no error at all. */
  static void assertChecksClean(Storage storage) {
    try (Repository repo = open(storage)) {
      CheckResult r = new CheckService(repo, new Random(1)).run(new CheckRequest(100), CheckProgress.NONE);
      assertThat(r.errors()).as("check --read-data errors").isEmpty();
    }
  }

  /** Restores {@code snapshot} and compares every file with {@code source}, byte for byte. */
  static void assertRestores(Storage storage, SnapshotRef snapshot, Path source, Path into) throws IOException {
    try (Repository repo = open(storage)) {
      new RestoreService(repo).run(new RestoreRequest(snapshot.id(), into, List.of(), true), RestoreProgress.NONE);
    }
    Path restored = into.resolve(source.toString().substring(1));
    try (var files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(restored.resolve(source.relativize(f))).as("restored %s", f).hasSameBinaryContentAs(f);
      }
    }
  }
}
