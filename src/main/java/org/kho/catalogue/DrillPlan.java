package org.kho.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;

/**
 * A restore drill plan from {@code restore-drills/NAME.yaml}: which items, which snapshot, what
 * to sample, where to restore, how to verify, and the time targets.
 *
 * @param items the items the plan names; items that name the plan are added by {@link Catalogue}
 * @param samplePercent share of files restored, 1–100
 * @param alwaysInclude paths restored on every drill whatever the sample
 */
public record DrillPlan(DrillPlanId id, String description, List<ItemId> items, ScheduleId schedule,
    SnapshotChoice snapshot, int samplePercent, List<String> alwaysInclude, Path scratch,
    List<VerifyStep> verify, Optional<Duration> rto, Optional<Duration> rpo) {

  /** Copies the lists. */
  public DrillPlan {
    items = List.copyOf(items);
    alwaysInclude = List.copyOf(alwaysInclude);
    verify = List.copyOf(verify);
  }

  /** Which snapshot a drill restores. */
  public enum SnapshotChoice {
    LATEST, RANDOM, OLDEST;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
