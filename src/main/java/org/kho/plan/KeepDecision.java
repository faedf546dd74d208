package org.kho.plan;

import java.util.List;

/**
 * Whether one snapshot is kept, and every reason it is, e.g. {@code daily 2026-11-03},
 * {@code legal hold: case 12/2026}, {@code newest drill-passed}. Empty reasons: it is forgotten.
 */
public record KeepDecision(SnapshotFacts snapshot, String group, List<String> reasons) {
  /** Copies the reasons. */
  public KeepDecision {
    reasons = List.copyOf(reasons);
  }

  public boolean keep() {
    return !reasons.isEmpty();
  }
}
