package org.kho.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kho.core.KhoException;
import org.kho.repository.BlobId;
import org.kho.repository.PackReport;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.SnapshotRef;

/** Checks a repository's structure and, if asked, reads and verifies its packs. */
public final class CheckService {
  /**
   * Packs read and verified at once: one per core, at least two so reading overlaps verifying, at
   * most four, since each holds a whole pack (16 MiB) in memory.
   */
  private static final int READERS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);
  private final Repository repo;
  private final Random random;

  public CheckService(Repository repo, Random random) {
    this.repo = repo;
    this.random = random;
  }

  public CheckResult run(CheckRequest request, CheckProgress progress) {
    try (RepositoryLock lock = repo.lock(false)) {
      return check(request, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KhoException("the check was interrupted", "run it again", e);
    }
  }

  private CheckResult check(CheckRequest request, CheckProgress progress) throws InterruptedException {
    List<CheckResult.Finding> errors = new ArrayList<>();
    List<CheckResult.Finding> warnings = new ArrayList<>();
    List<String> damagedIndexes = repo.loadIndex();
    damagedIndexes.forEach(d -> errors.add(new CheckResult.Finding(d,
        List.of("the packs it lists were read from their own headers instead; the next backup writes a new index"))));
    Set<String> listed = Set.copyOf(repo.blobsByPack().keySet());
    repo.indexOrphanPacks(false);
    Map<String, List<BlobId>> indexed = repo.blobsByPack();
    Map<String, Long> stored = repo.storedPacks();
    Set<String> condemned = repo.condemnedPacks(new ArrayList<>()); // a damaged plan is reported by loadIndex
    Set<BlobId> bad = new HashSet<>();
    for (String pack : indexed.keySet()) {
      if (!stored.containsKey(pack)) {
        errors.add(new CheckResult.Finding("pack " + pack + " is missing", List.of()));
        bad.addAll(indexed.get(pack));
      }
    }
    for (String pack : stored.keySet()) {
      if (!listed.contains(pack) && damagedIndexes.isEmpty() && !condemned.contains(pack)) {
        warnings.add(new CheckResult.Finding("pack " + pack + " is in no index (left by an interrupted backup; "
            + "the next backup indexes and reuses it)", List.of()));
      }
    }
    List<String> damagedSnapshots = new ArrayList<>();
    List<SnapshotRef> snapshots = repo.snapshots(damagedSnapshots);
    damagedSnapshots.forEach(d -> errors.add(new CheckResult.Finding(d, List.of("that snapshot cannot be restored"))));
    List<String> toRead = choose(indexed.keySet().stream().filter(stored::containsKey).sorted().toList(),
        request.readPercent());
    progress.total(toRead.size(), toRead.stream().mapToLong(stored::get).sum());
    long bytesRead = 0;
    for (PackReport r : readPacks(toRead, indexed, progress)) {
      bytesRead += r.bytes();
      r.problems().forEach(p -> errors.add(new CheckResult.Finding(p, List.of())));
      bad.addAll(r.damaged());
    }
    Affected affected = new Affected(repo, bad);
    affected.walk(snapshots);
    affected.findings.forEach((what, where) -> errors.add(new CheckResult.Finding(what, where)));
    if (!condemned.isEmpty()) {
      warnings.add(new CheckResult.Finding(condemned.size() + " packs no snapshot uses wait for deletion by prune "
          + "(grace period; 'kho prune --apply' deletes them when it is over)", List.of()));
    }
    return new CheckResult(snapshots.size(), affected.trees.size(), stored.size(), toRead.size(), bytesRead,
        List.copyOf(errors), List.copyOf(warnings));
  }

  private List<String> choose(List<String> packs, int percent) {
    if (percent >= 100 || percent <= 0) {
      return percent <= 0 ? List.of() : packs;
    }
    List<String> shuffled = new ArrayList<>(packs);
    Collections.shuffle(shuffled, random);
    int n = (int) Math.ceil(packs.size() * percent / 100.0);
    return shuffled.subList(0, n);
  }

  private List<PackReport> readPacks(List<String> packs, Map<String, List<BlobId>> indexed, CheckProgress progress)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(READERS, r -> {
      Thread t = new Thread(r, "kho-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<PackReport>> futures = packs.stream().map(p -> pool.submit(() -> {
        PackReport r = repo.verifyPack(p, indexed.getOrDefault(p, List.of()));
        progress.advanced(r.bytes());
        return r;
      })).toList();
      List<PackReport> out = new ArrayList<>();
      for (Future<PackReport> f : futures) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
