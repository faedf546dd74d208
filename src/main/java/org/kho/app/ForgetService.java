package org.kho.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kho.plan.KeepDecision;
import org.kho.plan.KeepRules;
import org.kho.plan.Protections;
import org.kho.plan.RetentionPlanner;
import org.kho.plan.SnapshotFacts;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.SnapshotRef;

/**
 * Decides which snapshots of one repository the retention rules keep, with legal holds and drill
 * results read from the repository, and forgets the rest when asked.
 */
public final class ForgetService {
  private final Clock clock;

  public ForgetService(Clock clock) {
    this.clock = clock;
  }

  /** The decisions for one repository, and the drill results it could not read. */
  public record Decisions(List<KeepDecision> decisions, List<String> damaged) {
    public long forgetting() {
      return decisions.stream().filter(d -> !d.keep()).count();
    }
  }

  /**
   * The decision for every snapshot in {@code scope}.
   *
   * @param rules the rules of a snapshot's group, or empty to keep the group whole
   */
  public Decisions decide(Repository repo, Function<SnapshotFacts, Optional<KeepRules>> rules, boolean groupByTags,
      Predicate<SnapshotFacts> scope) {
    List<String> damaged = new ArrayList<>();
    List<SnapshotRef> snapshots = repo.snapshots(damaged);
    if (!damaged.isEmpty()) {
      throw new org.kho.repository.RepositoryException.Damaged("a snapshot cannot be read (" + String.join("; ", damaged)
          + "); retention counts every snapshot, so nothing is forgotten until 'kho check' is clean", null);
    }
    Map<String, String> holds = repo.holds().stream()
        .collect(Collectors.toMap(h -> h.hold().snapshot(), h -> h.hold().reason(), (a, b) -> a + "; " + b));
    List<String> drillProblems = new ArrayList<>();
    List<Protections.Drill> drills = repo.drillResults(drillProblems).stream()
        .map(d -> new Protections.Drill(d.snapshot(), d.time(), d.passed())).toList();
    List<SnapshotFacts> facts = snapshots.stream().map(ForgetService::facts).filter(scope).toList();
    return new Decisions(RetentionPlanner.decide(facts, rules, groupByTags, new Protections(holds, drills), clock.instant()),
        drillProblems);
  }

  /** Forgets every snapshot {@code decisions} does not keep; returns how many. */
  public int forget(Repository repo, List<KeepDecision> decisions) {
    int n = 0;
    try (RepositoryLock lock = repo.lock(false)) {
      Map<String, SnapshotRef> stored = repo.snapshots().stream().collect(Collectors.toMap(SnapshotRef::id, s -> s));
      for (KeepDecision d : decisions) {
        SnapshotRef s = stored.get(d.snapshot().id());
        if (!d.keep() && s != null) { // one another forget removed meanwhile is gone already
          repo.forget(s, "retention of " + d.group() + " keeps it no longer");
          n++;
        }
      }
    }
    return n;
  }

  static SnapshotFacts facts(SnapshotRef s) {
    var snap = s.snapshot();
    return new SnapshotFacts(s.id(), snap.time(), snap.host(), snap.item(), snap.paths() == null ? List.of() : snap.paths(),
        snap.tags() == null ? List.of() : snap.tags());
  }
}
