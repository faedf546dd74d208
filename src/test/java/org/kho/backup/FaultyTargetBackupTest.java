package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.check.CheckProgress;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.crypto.Argon2id;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreService;
import org.kho.storage.FaultInjectingStorage;
import org.kho.storage.RetryingStorage;
import org.kho.storage.Ticker;
import org.kho.storage.TransientStorageException;
import org.kho.storage.local.LocalStorage;

/**
 * A target that fails a share of operations at random (a flaky network) either still completes
 * backups through retries, or fails them cleanly: the repository stays intact and the next run
 * completes.
 */
class FaultyTargetBackupTest {
  private static final Repository.Options OPTIONS =
      new Repository.Options(TestBackups.CLOCK, new Host(), new Argon2id(64, 1, 1));
  /** Retries without waiting: the test checks what is retried, not how long it waits. */
  private static final Ticker NO_WAIT = new Ticker() {
    @Override
    public long nanos() {
      return 0;
    }

    @Override
    public void sleep(Duration duration) {}
  };

  @TempDir
  Path tmp;
  Path src;

  @BeforeEach
  void makeRepositoryAndSource() throws IOException {
    TestBackups.init(tmp.resolve("repo")).close();
    src = Files.createDirectories(tmp.resolve("src"));
  }

  /** Adds {@code files} new files of 300 KiB of random bytes to the source. */
  private void addFiles(int round, int files) throws IOException {
    Random random = new Random(round);
    for (int i = 0; i < files; i++) {
      byte[] data = new byte[300 << 10];
      random.nextBytes(data);
      Files.write(src.resolve("round-" + round + "-file-" + i + ".bin"), data);
    }
  }

  private Repository openThrough(FaultInjectingStorage faulty, int attempts) {
    RetryingStorage retrying = new RetryingStorage(faulty,
        new RetryingStorage.Policy(attempts, Duration.ZERO, Duration.ZERO), NO_WAIT, new Random(1));
    return Repository.open(retrying, Credential.passphrase(TestBackups.PASSWORD), OPTIONS);
  }

  private FaultInjectingStorage faulty(double fraction, long seed) {
    return new FaultInjectingStorage(LocalStorage.open(tmp.resolve("repo")), fraction, seed);
  }

  private CheckResult checkWithoutFaults() {
    try (Repository repo = Repository.open(LocalStorage.open(tmp.resolve("repo")),
        Credential.passphrase(TestBackups.PASSWORD), OPTIONS)) {
      return new CheckService(repo, new Random(1)).run(new CheckRequest(100), CheckProgress.NONE);
    }
  }

  @Test
  void backupsThroughATargetFailingFivePercentOfOperationsCompleteAndRestore() throws IOException {
    long injected = 0;
    String last = null;
    for (int round = 1; round <= 8; round++) {
      addFiles(round, 60);
      FaultInjectingStorage faulty = faulty(0.05, round);
      try (Repository repo = openThrough(faulty, 6)) {
        BackupResult result = new BackupService(repo, TestBackups.CLOCK, "test").run(TestBackups.request(src),
            BackupProgress.NONE);
        assertThat(result.complete()).isTrue();
        last = result.snapshot().id();
      }
      injected += faulty.injected();
    }

    assertThat(injected).as("faults injected over all rounds").isPositive();
    CheckResult check = checkWithoutFaults();
    assertThat(check.errors()).isEmpty();
    assertThat(check.snapshots()).isEqualTo(8);
    try (Repository repo = Repository.open(LocalStorage.open(tmp.resolve("repo")),
        Credential.passphrase(TestBackups.PASSWORD), OPTIONS)) {
      Path out = tmp.resolve("out");
      new RestoreService(repo).run(new RestoreRequest(last, out, List.of(), true), RestoreProgress.NONE);
      Path back = out.resolve(src.toString().substring(1));
      for (Path file : Files.list(src).toList()) {
        assertThat(Files.readAllBytes(back.resolve(file.getFileName()))).isEqualTo(Files.readAllBytes(file));
      }
    }
  }

  @Test
  void whenRetriesRunOutTheBackupFailsCleanlyAndTheRepositoryStaysIntact() throws IOException {
    addFiles(1, 60);
    assertThatThrownBy(() -> {
      try (Repository repo = openThrough(faulty(0.5, 7), 1)) {
        new BackupService(repo, TestBackups.CLOCK, "test").run(TestBackups.request(src), BackupProgress.NONE);
      }
    }).isInstanceOf(TransientStorageException.class);

    CheckResult check = checkWithoutFaults();
    assertThat(check.errors()).isEmpty();
    assertThat(check.snapshots()).isZero();
    try (Repository repo = Repository.open(LocalStorage.open(tmp.resolve("repo")),
        Credential.passphrase(TestBackups.PASSWORD), OPTIONS)) {
      assertThat(TestBackups.backup(repo, src)).isNotNull();
    }
    assertThat(checkWithoutFaults().errors()).isEmpty();
  }
}
