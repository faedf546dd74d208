package org.kho.plan;

import java.util.List;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * One action a catalogue schedules, whenever its schedule fires: back up an item, check or prune a
 * target, run a drill plan, archive a log source.
 *
 * @param subject the item, target, drill plan or log source it is about
 * @param targets where it writes or reads
 * @param readPercent for a check, the share of the data to read in full; 0 otherwise
 */
public record ScheduledAction(PlannedAction.Kind kind, String subject, ScheduleId schedule, List<TargetId> targets,
    int readPercent) {

  /** Copies the list. */
  public ScheduledAction {
    targets = List.copyOf(targets);
  }

  /** A name unique in one catalogue: {@code backup:documents}, {@code check:usb-disk}. */
  public String key() {
    return kind.label() + ":" + subject;
  }
}
