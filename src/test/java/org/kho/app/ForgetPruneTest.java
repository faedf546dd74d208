package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kho.app.PruneFixture.assertChecksClean;
import static org.kho.app.PruneFixture.assertRestores;
import static org.kho.app.PruneFixture.backup;
import static org.kho.app.PruneFixture.packBytes;
import static org.kho.app.PruneFixture.random;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.core.KhoException;
import org.kho.plan.KeepDecision;
import org.kho.plan.KeepRules;
import org.kho.repository.DrillResult;
import org.kho.repository.PruneProgress;
import org.kho.repository.PruneReport;
import org.kho.repository.PruneRequest;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;

class ForgetPruneTest {
  private static final KeepRules LAST_ONE = KeepRules.counts(1, 0, 0, 0, 0, 0, Optional.empty(), List.of(), ZoneOffset.UTC);
  private static final PruneRequest NOW = new PruneRequest(Duration.ZERO, 20, true);
  @TempDir
  Path tmp;

  private static List<KeepDecision> decide(Repository repo, KeepRules rules) {
    return new ForgetService(repo.clock()).decide(repo, s -> Optional.of(rules), false, s -> true).decisions();
  }

  @Test
  void aDryRunForgetsNothing() throws IOException {
    MemoryStorage storage = new MemoryStorage();
    try (Repository repo = PruneFixture.init(storage)) {
      PruneFixture.twoSnapshots(repo, tmp.resolve("src"));
      List<KeepDecision> d = decide(repo, LAST_ONE);
      assertThat(d).filteredOn(x -> !x.keep()).hasSize(1);
      assertThat(repo.snapshots()).hasSize(2);
    }
  }

  @Test
  void pruneAfterForgetFreesSpaceAndTheRestStillRestores() throws IOException {
    MemoryStorage storage = new MemoryStorage();
    Path src = tmp.resolve("src");
    SnapshotRef kept;
    try (Repository repo = PruneFixture.init(storage)) {
      kept = PruneFixture.twoSnapshots(repo, src)[1];
      assertThat(new ForgetService(repo.clock()).forget(repo, decide(repo, LAST_ONE))).isEqualTo(1);
    }
    long before = packBytes(storage);
    PruneReport report;
    try (Repository repo = PruneFixture.open(storage)) {
      report = repo.prune(NOW, PruneProgress.NONE);
    }
    assertThat(report.deletedPacks()).as("a.bin's pack goes (deleted, or repacked then deleted)").isPositive();
    assertThat(packBytes(storage)).isLessThan(before - 250_000);
    assertThat(storage.list(ObjectKind.PRUNE)).as("the plan is swept").isEmpty();
    assertChecksClean(storage);
    assertRestores(storage, kept, src, tmp.resolve("out"));
  }

  @Test
  void aDryRunPruneDeletesNothing() throws IOException {
    MemoryStorage storage = new MemoryStorage();
    try (Repository repo = PruneFixture.init(storage)) {
      PruneFixture.twoSnapshots(repo, tmp.resolve("src"));
      new ForgetService(repo.clock()).forget(repo, decide(repo, LAST_ONE));
    }
    long before = packBytes(storage);
    try (Repository repo = PruneFixture.open(storage)) {
      PruneReport r = repo.prune(new PruneRequest(Duration.ZERO, 20, false), PruneProgress.NONE);
      assertThat(r.repackPacks() + r.unusedPacks()).isPositive();
      assertThat(r.applied()).isFalse();
    }
    assertThat(packBytes(storage)).isEqualTo(before);
    assertThat(storage.list(ObjectKind.PRUNE)).isEmpty();
  }

  @Test
  void condemnedPacksWaitOutTheGracePeriod() throws IOException {
    MemoryStorage storage = new MemoryStorage();
    Path src = tmp.resolve("src");
    SnapshotRef kept;
    try (Repository repo = PruneFixture.init(storage)) {
      kept = PruneFixture.twoSnapshots(repo, src)[1];
      new ForgetService(repo.clock()).forget(repo, decide(repo, LAST_ONE));
    }
    long before = packBytes(storage);
    try (Repository repo = PruneFixture.open(storage)) {
      PruneReport r = repo.prune(new PruneRequest(Duration.ofHours(24), 20, true), PruneProgress.NONE);
      assertThat(r.deletedPacks()).isZero();
      assertThat(r.waiting()).isEqualTo(1);
    }
    assertThat(packBytes(storage)).as("nothing is deleted yet").isGreaterThanOrEqualTo(before);
    assertChecksClean(storage);
    assertRestores(storage, kept, src, tmp.resolve("out"));
  }

  @Test
  void aHeldSnapshotIsNeverForgotten() throws IOException {
    MemoryStorage storage = new MemoryStorage();
    try (Repository repo = PruneFixture.init(storage)) {
      SnapshotRef first = PruneFixture.twoSnapshots(repo, tmp.resolve("src"))[0];
      new HoldService(repo).add(first.shortId(), "inspection 2026/17");
      List<KeepDecision> d = decide(repo, LAST_ONE);
      assertThat(d).allMatch(KeepDecision::keep);
      assertThat(d).filteredOn(x -> x.snapshot().id().equals(first.id())).singleElement()
          .extracting(KeepDecision::reasons).asList().containsExactly("legal hold: inspection 2026/17");
      assertThatThrownBy(() -> repo.forget(first, "by hand")).isInstanceOf(KhoException.class).hasMessageContaining("legal hold");
      new HoldService(repo).remove(first.shortId(), "case closed");
      assertThat(decide(repo, LAST_ONE)).filteredOn(x -> !x.keep()).hasSize(1);
    }
  }

  @Test
  void theNewestDrillPassedSnapshotIsKept() throws IOException {
    MemoryStorage storage = new MemoryStorage();
    try (Repository repo = PruneFixture.init(storage)) {
      SnapshotRef first = PruneFixture.twoSnapshots(repo, tmp.resolve("src"))[0];
      repo.saveDrillResult(new DrillResult(DrillResult.VERSION, first.id(), null, repo.clock().instant(),
          DrillResult.Outcome.PASSED, "monthly", null, "all files matched"));
      assertThat(decide(repo, LAST_ONE)).allMatch(KeepDecision::keep);
    }
  }
}
