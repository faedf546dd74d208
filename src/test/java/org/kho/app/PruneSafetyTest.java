package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kho.app.PruneFixture.assertChecksClean;
import static org.kho.app.PruneFixture.assertRestores;
import static org.kho.app.PruneFixture.packBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.plan.KeepRules;
import org.kho.repository.PruneProgress;
import org.kho.repository.PruneReport;
import org.kho.repository.PruneRequest;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.StorageException;
import org.kho.storage.local.LocalStorage;

/** Prune against what can go wrong around it: a backup running at the same time, a crash at any step. */
class PruneSafetyTest {
  private static final PruneRequest NOW = new PruneRequest(Duration.ZERO, 20, true);
  @TempDir
  Path tmp;

  @Test
  void aBackupRunningDuringPruneKeepsEveryBlobItReused() throws Exception {
    MemoryStorage storage = new MemoryStorage();
    Path src = PruneFixture.twoFiles(tmp.resolve("src"));
    try (Repository repo = PruneFixture.init(storage)) {
      SnapshotRef first = PruneFixture.backup(repo, src);
      repo.forget(first, "test"); // every blob is unused now, until the next backup reuses them
    }
    CountDownLatch committing = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    HookedStorage paused = new HookedStorage(storage, name -> {
      if (name.kind() == ObjectKind.SNAPSHOT) {
        committing.countDown();
        await(go);
      }
    });
    CompletableFuture<SnapshotRef> backup = CompletableFuture.supplyAsync(() -> {
      try (Repository repo = PruneFixture.open(paused)) {
        return PruneFixture.backup(repo, src);
      }
    });
    committing.await();
    PruneReport during;
    try (Repository repo = PruneFixture.open(storage)) {
      during = repo.prune(NOW, PruneProgress.NONE);
    }
    go.countDown();
    SnapshotRef second = backup.get();
    assertThat(during.unusedPacks()).as("the packs the backup reuses look unused").isPositive();
    assertThat(during.deletedPacks()).as("the sweep waits for the backup").isZero();
    assertThat(during.postponed()).singleElement().asString().contains("wait for shared lock");

    PruneReport after;
    try (Repository repo = PruneFixture.open(storage)) {
      after = repo.prune(NOW, PruneProgress.NONE);
    }
    assertThat(after.rescuedPacks()).as("the new snapshot needs them").isPositive();
    assertThat(storage.list(ObjectKind.PRUNE)).isEmpty();
    assertChecksClean(storage);
    assertRestores(storage, second, src, tmp.resolve("out"));
  }

  @Test
  void pruneRemovesTemporaryFilesAKilledWriteLeftOnlyWithApplyAndOnlyOnceADayOld() throws Exception {
    LocalStorage storage = LocalStorage.create(tmp.resolve("repo"));
    Path src = PruneFixture.twoFiles(tmp.resolve("src"));
    SnapshotRef snapshot;
    try (Repository repo = PruneFixture.init(storage)) {
      snapshot = PruneFixture.backup(repo, src);
    }
    Instant now = PruneFixture.CLOCK.instant();
    Path killed = Files.write(tmp.resolve("repo/data/.tmp-killed-upload"), new byte[1000]);
    Files.setLastModifiedTime(killed, FileTime.from(now.minus(Duration.ofDays(2))));
    Path writing = Files.write(tmp.resolve("repo/data/.tmp-still-writing"), new byte[10]);
    Files.setLastModifiedTime(writing, FileTime.from(now.minus(Duration.ofHours(3))));

    PruneReport dry;
    PruneReport applied;
    try (Repository repo = PruneFixture.open(storage)) {
      dry = repo.prune(new PruneRequest(Duration.ZERO, 20, false), PruneProgress.NONE);
      assertThat(killed).as("a dry run removes nothing").exists();
      applied = repo.prune(NOW, PruneProgress.NONE);
    }

    assertThat(List.of(dry.leftoverFiles(), applied.leftoverFiles())).containsExactly(1, 1);
    assertThat(applied.leftoverBytes()).isEqualTo(1000);
    assertThat(killed).doesNotExist();
    assertThat(writing).as("younger than a day: maybe a write in progress").exists();
    assertChecksClean(storage);
    assertRestores(storage, snapshot, src, tmp.resolve("out"));
  }

  @Test
  void aBackupStartedAfterPacksWereCondemnedStoresTheirBlobsAgainSoTheSweepNeedNotWait() throws Exception {
    MemoryStorage storage = new MemoryStorage();
    Path src = PruneFixture.twoFiles(tmp.resolve("src"));
    try (Repository repo = PruneFixture.init(storage)) {
      repo.forget(PruneFixture.backup(repo, src), "test");
      assertThat(repo.prune(new PruneRequest(Duration.ofHours(24), 20, true), PruneProgress.NONE).unusedPacks()).isPositive();
    }
    CountDownLatch committing = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    HookedStorage paused = new HookedStorage(storage, name -> {
      if (name.kind() == ObjectKind.SNAPSHOT) {
        committing.countDown();
        await(go);
      }
    });
    // the plan at T, the backup from T+10min, the sweeping prune at T+20min
    CompletableFuture<SnapshotRef> backup = CompletableFuture.supplyAsync(() -> {
      try (Repository repo = openAt(paused, Duration.ofMinutes(10))) {
        return PruneFixture.backup(repo, src);
      }
    });
    committing.await();
    PruneReport sweep;
    try (Repository repo = openAt(storage, Duration.ofMinutes(20))) {
      sweep = repo.prune(NOW, PruneProgress.NONE);
    }
    go.countDown();
    SnapshotRef second = backup.get();
    assertThat(sweep.deletedPacks()).as("the first plan's packs go: the backup began after it").isPositive();
    assertThat(sweep.postponed()).as("the backup's own new pack, condemned now, waits for it")
        .singleElement().asString().contains("wait for shared lock");
    assertChecksClean(storage);
    assertRestores(storage, second, src, tmp.resolve("out"));
  }

  @Test
  void aPruneStoppedAtAnyStepLeavesARepositoryThatChecksCleanAndRestores() throws IOException {
    for (int step = 0; step < 40; step++) {
      MemoryStorage storage = new MemoryStorage();
      Path src = tmp.resolve("src" + step);
      SnapshotRef kept;
      try (Repository repo = PruneFixture.init(storage)) {
        kept = PruneFixture.twoSnapshots(repo, src)[1];
        KeepRules lastOne = KeepRules.counts(1, 0, 0, 0, 0, 0, Optional.empty(), List.of(), ZoneOffset.UTC);
        ForgetService forget = new ForgetService(repo.clock());
        forget.forget(repo, forget.decide(repo, s -> Optional.of(lastOne), false, s -> true).decisions());
      }
      long before = packBytes(storage);
      boolean stopped = pruneStoppingAfter(storage, step);
      storage.list(ObjectKind.LOCK).forEach(l -> storage.delete(l.name())); // a killed process's lock is stale
      assertChecksClean(storage);
      assertRestores(storage, kept, src, tmp.resolve("stopped" + step));
      try (Repository repo = PruneFixture.open(storage)) {
        repo.prune(NOW, PruneProgress.NONE);
      }
      assertChecksClean(storage);
      assertRestores(storage, kept, src, tmp.resolve("finished" + step));
      assertThat(packBytes(storage)).as("after step %d", step).isLessThan(before);
      if (!stopped) {
        assertThat(step).as("prune writes or deletes several objects").isGreaterThan(5);
        return;
      }
    }
    throw new AssertionError("prune never finished within 40 writes");
  }

  /** Runs a prune whose storage fails from the {@code step}-th write or delete on; whether it was stopped. */
  private static boolean pruneStoppingAfter(MemoryStorage storage, int step) {
    AtomicInteger writes = new AtomicInteger();
    HookedStorage failing = new HookedStorage(storage, name -> {
      if (writes.getAndIncrement() >= step) { // from then on nothing more is written, as if killed
        throw new StorageException("injected failure at step " + step, "none", null);
      }
    });
    try (Repository repo = PruneFixture.open(failing)) {
      repo.prune(NOW, PruneProgress.NONE);
      return false;
    } catch (RuntimeException e) {
      if (writes.get() <= step) {
        throw e; // a failure that was not injected
      }
      return true;
    }
  }

  /** The repository on {@code storage}, opened with a clock {@code later} than the fixture's. */
  private static Repository openAt(org.kho.storage.Storage storage, Duration later) {
    return Repository.open(storage, org.kho.repository.Credential.passphrase(org.kho.backup.TestBackups.PASSWORD),
        new Repository.Options(java.time.Clock.offset(PruneFixture.CLOCK, later), PruneFixture.CHEAP.host(),
            PruneFixture.CHEAP.kdf()));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
