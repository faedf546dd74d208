package org.kho.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * A restore drill plan from {@code restore-drills/NAME.yaml}: which items, which snapshot, what
 * to sample, where to restore, how to verify, and the time targets.
 *
 * @param items the items the plan names; items that name the plan are added by {@link Catalogue}
 * @param samplePercent share of files restored, 1–100
 * @param alwaysInclude paths restored on every drill whatever the sample
 * @param targets the targets drills may restore from; empty: every target of each item
 * @param targetMode how a drill uses an item's targets when it has several
 */
public record DrillPlan(DrillPlanId id, String description, List<ItemId> items, ScheduleId schedule,
    SnapshotChoice snapshot, int samplePercent, List<String> alwaysInclude, Path scratch,
    List<VerifyStep> verify, Optional<Duration> rto, Optional<Duration> rpo, List<TargetId> targets,
    TargetMode targetMode) {

  /** Copies the lists. */
  public DrillPlan {
    items = List.copyOf(items);
    alwaysInclude = List.copyOf(alwaysInclude);
    verify = List.copyOf(verify);
    targets = List.copyOf(targets);
  }

  /** A plan that restores from every target of each item, one target per drill in turn. */
  public DrillPlan(DrillPlanId id, String description, List<ItemId> items, ScheduleId schedule,
      SnapshotChoice snapshot, int samplePercent, List<String> alwaysInclude, Path scratch,
      List<VerifyStep> verify, Optional<Duration> rto, Optional<Duration> rpo) {
    this(id, description, items, schedule, snapshot, samplePercent, alwaysInclude, scratch, verify, rto, rpo, List.of(),
        TargetMode.ROTATE);
  }

  /** How a drill uses an item's targets when the plan allows several. */
  public enum TargetMode {
    /** Each drill restores the item from one target, the next one in the item's order each time. */
    ROTATE,
    /** Each drill restores the item from every target, one after the other. */
    EACH;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The targets of {@code item} this plan's drills may restore from, in the item's order. */
  public List<TargetId> targetsOf(Item item) {
    return item.targets().stream().filter(t -> targets.isEmpty() || targets.contains(t)).toList();
  }

  /** Which snapshot a drill restores. */
  public enum SnapshotChoice {
    LATEST, RANDOM, OLDEST;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
