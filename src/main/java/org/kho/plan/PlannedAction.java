package org.kho.plan;

import java.time.ZonedDateTime;
import java.util.List;
import org.kho.catalogue.Schedule;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * One action that falls due at {@code at} (in its schedule's time zone).
 *
 * @param subject the item, target, drill plan or log source the action is about
 * @param targets where the action writes or reads
 */
public record PlannedAction(ZonedDateTime at, Kind kind, String subject, ScheduleId schedule,
    List<TargetId> targets, Schedule.MissedRuns missedRuns) {

  /** Copies the list. */
  public PlannedAction {
    targets = List.copyOf(targets);
  }

  /** What the daemon does at that time. */
  public enum Kind {
    BACKUP, CHECK, PRUNE, DRILL, LOG_ARCHIVE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
