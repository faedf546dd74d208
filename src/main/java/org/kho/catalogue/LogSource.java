package org.kho.catalogue;

import java.util.List;
import java.util.Map;
import org.kho.core.LogSourceId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * Log files archived by month: which files, how a file's month is known, how long archived
 * months are kept, and whether the originals may be deleted once archived and verified.
 *
 * @param allowSameDevice why the archives may sit on the same filesystem as the logs, if they may
 */
public record LogSource(LogSourceId id, String name, int securityLevel, List<String> paths,
    List<String> exclude, MonthRule month, int keepMonths, List<TargetId> targets, ScheduleId schedule,
    boolean deleteOriginals, Map<PolicyRule, String> waivers, java.util.Optional<String> allowSameDevice) {

  /** Copies the collections. */
  public LogSource {
    paths = List.copyOf(paths);
    exclude = List.copyOf(exclude);
    targets = List.copyOf(targets);
    waivers = Map.copyOf(waivers);
  }
}
