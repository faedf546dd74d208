package org.kho.daemon;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.kho.core.TargetId;

/**
 * At most {@code perTarget} runs at a time use any one target (in this daemon). A run that uses
 * several targets takes their permits in name order, so two such runs cannot wait on each other.
 */
final class TargetLimits {
  private final int perTarget;
  private final Map<TargetId, Semaphore> permits = new ConcurrentHashMap<>();

  TargetLimits(int perTarget) {
    if (perTarget < 1) {
      throw new IllegalArgumentException("a target allows at least one run at a time");
    }
    this.perTarget = perTarget;
  }

  /** Permits held for one run; closing gives them back. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits until every one of {@code targets} has room, then holds a permit on each. */
  Held acquire(List<TargetId> targets) throws InterruptedException {
    List<Semaphore> held = new java.util.ArrayList<>();
    try {
      for (TargetId t : targets.stream().distinct().sorted().toList()) {
        Semaphore s = permits.computeIfAbsent(t, k -> new Semaphore(perTarget, true));
        s.acquire();
        held.add(s);
      }
    } catch (InterruptedException e) {
      held.forEach(Semaphore::release);
      throw e;
    }
    return () -> held.forEach(Semaphore::release);
  }

  /** How many more runs {@code target} admits now. */
  int available(TargetId target) {
    Semaphore s = permits.get(target);
    return s == null ? perTarget : s.availablePermits();
  }
}
