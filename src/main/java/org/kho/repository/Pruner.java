package org.kho.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * Removes data no snapshot references, in two phases, while backups may run (FORMAT.md, "Prune").
 * Phase 1 (mark) repacks partly used packs and condemns unused ones in a prune plan; it deletes
 * nothing. Phase 2 (sweep) deletes the packs of plans whose grace period is over, once no process
 * that started before the plan still runs, keeping any a snapshot made meanwhile needs. Every step
 * leaves a repository that checks clean and restores every snapshot, whenever it is interrupted.
 */
final class Pruner {
  /** Locks taken up to this long after a plan (by another machine's clock) still block its sweep. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** Temporary files untouched this long are left by writes that died: no create takes a day between two writes. */
  static final Duration LEFTOVER_AGE = Duration.ofDays(1);
  private final Repository repo;
  private final Storage storage;
  private final SealedObjects sealed;
  private final Locks locks;

  Pruner(Repository repo) {
    this.repo = repo;
    this.storage = repo.storage();
    this.sealed = repo.sealed();
    this.locks = new Locks(storage, sealed, repo.clock(), repo.host());
  }

  /** Blob bytes per pack, and the referenced blobs where the index places them. */
  private record Usage(Map<String, Long> total, Map<String, Long> used, Map<String, List<MasterIndex.Location>> live) {}

  PruneReport run(PruneRequest request, PruneProgress progress) {
    try (Locks.Held lock = locks.acquire(false, true)) {
      progress.step("reading the index");
      Map<String, Long> stored = repo.storedPacks(); // before the index: every pack listed is then indexed
      refuseIfDamaged(repo.loadIndex(), "the index");
      repo.indexOrphanPacks(false);
      progress.step("reading snapshots");
      List<SnapshotRef> snapshots = snapshots();
      Set<BlobId> used = UsedBlobs.of(repo, snapshots);
      Usage usage = usage(used);
      List<String> unused = new ArrayList<>();
      List<String> repack = new ArrayList<>();
      long unusedBytes = 0;
      long repackBytes = 0;
      for (var e : stored.entrySet()) {
        String pack = e.getKey();
        long total = usage.total().getOrDefault(pack, 0L);
        long live = usage.used().getOrDefault(pack, 0L);
        if (repo.index().condemned(pack)) {
          continue;
        }
        if (live == 0) {
          unused.add(pack);
          unusedBytes += e.getValue();
        } else if ((total - live) * 100 >= (long) request.repackPercent() * total) {
          repack.add(pack);
          repackBytes += live;
        }
      }
      long packBytes = stored.values().stream().mapToLong(Long::longValue).sum();
      long usedBytes = usage.used().values().stream().mapToLong(Long::longValue).sum();
      int waiting = condemnedCount();
      if (!request.apply()) {
        Storage.Leftovers left = leftovers(request.grace(), false);
        return new PruneReport(snapshots.size(), stored.size(), packBytes, usedBytes, unused.size(), unusedBytes,
            repack.size(), repackBytes, waiting, 0, 0, 0, List.of(), left.files(), left.bytes(), false);
      }
      repack(repack, usage, progress);
      List<String> condemned = new ArrayList<>(unused);
      condemned.addAll(repack);
      if (!condemned.isEmpty()) {
        Instant now = repo.clock().instant();
        sealed.writeJson(ObjectKind.PRUNE, new PrunePlan(PrunePlan.VERSION, now, repo.host().name(), repo.host().pid(),
            List.copyOf(new TreeSet<>(condemned))));
      }
      Sweep sweep = sweep(request.grace(), lock.name(), progress);
      Storage.Leftovers left = leftovers(request.grace(), true);
      return new PruneReport(snapshots.size(), stored.size(), packBytes, usedBytes, unused.size(), unusedBytes,
          repack.size(), repackBytes, condemnedCount(), sweep.deleted, sweep.deletedBytes, sweep.rescued, sweep.postponed,
          left.files(), left.bytes(), true);
    }
  }

  /** The target's temporary files older than a day and the grace period: what interrupted writes left. */
  private Storage.Leftovers leftovers(Duration grace, boolean remove) {
    Duration age = grace.compareTo(LEFTOVER_AGE) > 0 ? grace : LEFTOVER_AGE;
    return storage.leftovers(repo.clock().instant().minus(age), remove);
  }

  private List<SnapshotRef> snapshots() {
    List<String> damaged = new ArrayList<>();
    List<SnapshotRef> snapshots = repo.snapshots(damaged);
    refuseIfDamaged(damaged, "a snapshot");
    return snapshots;
  }

  private static void refuseIfDamaged(List<String> damaged, String what) {
    if (!damaged.isEmpty()) {
      throw new RepositoryException.Damaged(what + " cannot be read (" + String.join("; ", damaged)
          + "); prune must know every reference before it removes anything: run 'kho check', repair, then prune", null);
    }
  }

  private int condemnedCount() {
    List<String> damaged = new ArrayList<>();
    int n = repo.condemnedPacks(damaged).size();
    refuseIfDamaged(damaged, "a prune plan");
    return n;
  }

  private Usage usage(Set<BlobId> used) {
    Map<String, Long> total = new HashMap<>();
    Map<String, Long> live = new HashMap<>();
    Map<String, List<MasterIndex.Location>> locations = new HashMap<>();
    repo.index().forEach(loc -> {
      total.merge(loc.pack(), (long) loc.length(), Long::sum);
      if (used.contains(loc.id())) {
        live.merge(loc.pack(), (long) loc.length(), Long::sum);
        locations.computeIfAbsent(loc.pack(), k -> new ArrayList<>()).add(loc);
      }
    });
    return new Usage(total, live, locations);
  }

  /** Copies the referenced blobs of {@code packs} into new packs, indexed before anything is condemned. */
  private void repack(List<String> packs, Usage usage, PruneProgress progress) {
    if (packs.isEmpty()) {
      return;
    }
    progress.step("repacking " + packs.size() + " packs");
    BlobWriter writer = new BlobWriter(storage, repo.master(), new MasterIndex(), sealed);
    try {
      for (String pack : packs) {
        for (MasterIndex.Location loc : usage.live().get(pack)) {
          byte[] plain = repo.readBlob(loc.type(), loc.id());
          writer.save(loc.type(), plain, 0, plain.length);
        }
      }
      writer.flush();
    } catch (RuntimeException e) {
      writer.abandon();
      throw e;
    }
  }

  /** What a sweep did. */
  private static final class Sweep {
    int deleted;
    long deletedBytes;
    int rescued;
    final List<String> postponed = new ArrayList<>();
  }

  /** Phase 2: deletes the packs of plans that are due and unblocked. */
  private Sweep sweep(Duration grace, ObjectName mine, PruneProgress progress) {
    Sweep result = new Sweep();
    List<String> damaged = new ArrayList<>();
    var plans = sealed.readAll(ObjectKind.PRUNE, PrunePlan.class, damaged);
    refuseIfDamaged(damaged, "a prune plan");
    Instant now = repo.clock().instant();
    List<Lock> live = locks.live(mine);
    List<SealedObjects.Stored<PrunePlan>> ready = new ArrayList<>();
    for (var plan : plans) {
      if (plan.value().created().plus(grace).isAfter(now)) {
        continue;
      }
      List<String> blockers = live.stream().filter(l -> l.created().isBefore(plan.value().created().plus(CLOCK_SKEW)))
          .map(l -> (l.exclusive() ? "exclusive" : "shared") + " lock of " + l.user() + "@" + l.host() + " (pid " + l.pid()
              + ") since " + l.created()).toList();
      if (blockers.isEmpty()) {
        ready.add(plan);
      } else {
        result.postponed.add(plan.value().packs().size() + " packs condemned at " + plan.value().created()
            + " wait for " + String.join(", ", blockers));
      }
    }
    if (ready.isEmpty()) {
      return result;
    }
    progress.step("deleting");
    Set<String> allCondemned = new HashSet<>();
    plans.forEach(p -> allCondemned.addAll(p.value().packs()));
    new SweepStep(repo, allCondemned, result).sweep(ready.stream().flatMap(p -> p.value().packs().stream()).toList());
    ready.forEach(p -> storage.delete(p.name()));
    return result;
  }

  /** The deleting half of a sweep, over packs whose plans are due and unblocked. */
  private static final class SweepStep {
    private final Repository repo;
    private final Storage storage;
    private final Set<String> allCondemned;
    private final Sweep result;

    SweepStep(Repository repo, Set<String> allCondemned, Sweep result) {
      this.repo = repo;
      this.storage = repo.storage();
      this.allCondemned = allCondemned;
      this.result = result;
    }

    void sweep(List<String> packs) {
      refuseIfDamaged(repo.loadIndex(), "the index"); // snapshots made since phase 1 may use packs written since
      repo.indexOrphanPacks(false);
      List<String> damaged = new ArrayList<>();
      List<SnapshotRef> snapshots = repo.snapshots(damaged);
      refuseIfDamaged(damaged, "a snapshot");
      Set<BlobId> used = UsedBlobs.of(repo, snapshots);
      Map<String, Long> stored = repo.storedPacks();
      Map<ObjectName, List<IndexFile.Pack>> indexObjects = indexObjects();
      Set<BlobId> available = new HashSet<>();
      Set<String> indexed = new HashSet<>();
      indexObjects.values().forEach(list -> list.forEach(p -> {
        indexed.add(p.name());
        if (!allCondemned.contains(p.name()) && stored.containsKey(p.name())) {
          p.entries().forEach(e -> available.add(e.id()));
        }
      }));
      Set<String> delete = new HashSet<>();
      for (String pack : packs) {
        Long size = stored.get(pack);
        if (size != null && !rescue(pack, size, used, available, indexed)) {
          delete.add(pack);
          result.deleted++;
          result.deletedBytes += size;
        }
      }
      dropFromIndex(indexObjects, delete);
      delete.forEach(p -> storage.delete(ObjectName.of(ObjectKind.DATA, p)));
    }

    /** Whether a snapshot needs a blob only {@code pack} holds; if so indexes it (when unindexed) and keeps it. */
    private boolean rescue(String pack, long size, Set<BlobId> used, Set<BlobId> available, Set<String> indexed) {
      PackReader.Header header;
      try {
        header = repo.readHeader(ObjectName.of(ObjectKind.DATA, pack), size);
      } catch (RepositoryException.Damaged e) {
        return false; // nothing in it can be read: nothing can need it
      }
      boolean needed = header.entries().stream().anyMatch(e -> used.contains(e.id()) && !available.contains(e.id()));
      if (needed) {
        result.rescued++;
        if (!indexed.contains(pack)) {
          repo.sealed().write(ObjectKind.INDEX, IndexFile.encode(List.of(new IndexFile.Pack(pack, header.salt(), header.entries()))));
        }
      }
      return needed;
    }

    private Map<ObjectName, List<IndexFile.Pack>> indexObjects() {
      Map<ObjectName, List<IndexFile.Pack>> out = new HashMap<>();
      for (Storage.ObjectInfo info : storage.list(ObjectKind.INDEX)) {
        out.put(info.name(), IndexFile.decode(repo.sealed().read(info.name()), info.name().toString()));
      }
      return out;
    }

    /** Rewrites every index object that lists a pack about to go: the new one first, then the old one is deleted. */
    private void dropFromIndex(Map<ObjectName, List<IndexFile.Pack>> indexObjects, Set<String> delete) {
      indexObjects.forEach((name, packs) -> {
        if (packs.stream().noneMatch(p -> delete.contains(p.name()))) {
          return;
        }
        List<IndexFile.Pack> remaining = packs.stream().filter(p -> !delete.contains(p.name())).toList();
        if (!remaining.isEmpty()) {
          repo.sealed().write(ObjectKind.INDEX, IndexFile.encode(remaining));
        }
        storage.delete(name);
      });
    }
  }
}
