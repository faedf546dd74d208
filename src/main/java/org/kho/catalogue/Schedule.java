package org.kho.catalogue;

import java.time.ZoneId;
import org.kho.core.ScheduleId;

/**
 * A named schedule from {@code schedules/NAME.yaml}.
 *
 * @param expression what the officer wrote ({@code daily at 22:00} or a cron line)
 */
public record Schedule(ScheduleId id, String description, String expression, CronRule rule, ZoneId zone,
    MissedRuns missedRuns) {
  /** The zone of the regulations' users, when a schedule names none. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** What the daemon does about runs that fell due while it was not running. */
  public enum MissedRuns {
    /** Run once at start-up, however many were missed (the default). */
    RUN_ONCE,
    /** Skip them and wait for the next time. */
    SKIP;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
