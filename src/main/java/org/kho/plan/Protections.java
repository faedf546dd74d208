package org.kho.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What keeps a snapshot whatever the rules say: legal holds, and the results of restore drills
 * (the newest snapshot of each group that passed one is never forgotten).
 *
 * @param holds the reason of the hold on each held snapshot, by snapshot id
 * @param drills every drill result known, in any order
 */
public record Protections(Map<String, String> holds, List<Drill> drills) {
  public static final Protections NONE = new Protections(Map.of(), List.of());

  /** Copies the collections. */
  public Protections {
    holds = Map.copyOf(holds);
    drills = List.copyOf(drills);
  }

  /** One restore drill of one snapshot. */
  public record Drill(String snapshot, Instant time, boolean passed) {}
}
