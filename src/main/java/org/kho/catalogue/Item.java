package org.kho.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * One entry of the catalogue: a data set or application that must be backed up, with its
 * owner, security level, sources, targets, schedule, retention, method and restore drill.
 *
 * @param waivers rules of the policy table this item departs from, each with its written reason
 * @param allowSameDevice why a target may share a filesystem with a source, if it may
 */
public record Item(ItemId id, String name, String description, String owner, int securityLevel,
    List<Source> sources, Hooks hooks, List<TargetId> targets, Optional<ScheduleId> schedule,
    Retention retention, BackupMethod method, Optional<DrillPlanId> drill, Optional<Duration> rto,
    Optional<Duration> rpo, Map<PolicyRule, String> waivers, Optional<String> allowSameDevice) {

  /** Copies the collections. */
  public Item {
    sources = List.copyOf(sources);
    targets = List.copyOf(targets);
    waivers = Map.copyOf(waivers);
  }

  /** How an item is backed up. */
  public enum BackupMethod {
    /** Only files changed since the parent snapshot are read; the rest reuse stored chunks. */
    INCREMENTAL,
    /** Every file is read again each time (the repository still stores each chunk once). */
    FULL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
