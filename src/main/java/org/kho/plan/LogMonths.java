package org.kho.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure decisions about monthly log archives: when a month is closed, which months are due for
 * archiving, and until when an archived month must be kept. Months are calendar months in the
 * log source's time zone (the zone of its schedule).
 */
public final class LogMonths {
  private LogMonths() {}

  /** The month {@code now} falls in: the open month. */
  public static YearMonth current(Instant now, ZoneId zone) {
    return YearMonth.from(now.atZone(zone));
  }

  /** Whether {@code month} has ended at {@code now}: its last second has passed in {@code zone}. */
  public static boolean closed(YearMonth month, Instant now, ZoneId zone) {
    return month.isBefore(current(now, zone));
  }

  /** The newest closed month at {@code now}. */
  public static YearMonth lastClosed(Instant now, ZoneId zone) {
    return current(now, zone).minusMonths(1);
  }

  /**
   * The months to archive now, oldest first: every closed month after {@code lastArchived} (or
   * from {@code earliestLogs}, the first month any log file belongs to, when nothing was archived
   * yet) up to and including {@code upTo} (default: the last closed month). Empty when nothing
   * was archived and there are no logs. Months without logs after the first are included: they
   * are archived as empty months, which is how a gap is recorded.
   */
  public static List<YearMonth> due(Optional<YearMonth> lastArchived, Optional<YearMonth> earliestLogs, Instant now,
      ZoneId zone, Optional<YearMonth> upTo) {
    Optional<YearMonth> start = lastArchived.map(m -> m.plusMonths(1)).or(() -> earliestLogs);
    if (start.isEmpty()) {
      return List.of();
    }
    YearMonth end = upTo.orElse(lastClosed(now, zone));
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = start.get(); !m.isAfter(end); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /**
   * The first day an archived month may be removed: {@code keepMonths} whole months after it
   * closes. With keepMonths 3, September's logs are kept through December and may go on 1 January.
   */
  public static LocalDate keepUntil(YearMonth month, int keepMonths) {
    return month.plusMonths(keepMonths + 1L).atDay(1);
  }
}
