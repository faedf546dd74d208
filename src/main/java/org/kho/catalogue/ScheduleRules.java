package org.kho.catalogue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.kho.core.ScheduleId;

/** Checks one schedule file and builds its {@link Schedule}. */
final class ScheduleRules {
  /** The zone of the regulations' users when a schedule names none. */
  static final ZoneId DEFAULT_ZONE = Schedule.DEFAULT_ZONE;

  private ScheduleRules() {}

  static Optional<Schedule> build(ScheduleId id, ScheduleSpec spec, Checker c, Instant now) {
    Optional<ZoneId> zone = zone(spec.timeZone(), c);
    Optional<Schedule.MissedRuns> missed =
        c.choice(spec.missedRuns(), "/missedRuns", Schedule.MissedRuns.class, Schedule.MissedRuns.RUN_ONCE);
    Optional<String> quartz = quartz(spec, c);
    if (zone.isEmpty() || missed.isEmpty() || quartz.isEmpty()) {
      return Optional.empty();
    }
    String pointer = spec.when() != null ? "/when" : "/cron";
    CronRule rule;
    try {
      rule = CronRule.quartz(quartz.get(), zone.get());
    } catch (IllegalArgumentException e) {
      c.error(pointer, "invalid cron expression: " + e.getMessage(),
          "fields are minute hour day-of-month month day-of-week, e.g. \"30 1 1 * *\"");
      return Optional.empty();
    }
    if (rule.nextAfter(now).isEmpty()) {
      c.error(pointer, "this schedule never fires", "check the day and month: e.g. day 30 of February does not exist");
      return Optional.empty();
    }
    String expression = spec.when() != null ? spec.when() : spec.cron();
    String description = spec.description() != null ? spec.description() : expression;
    return Optional.of(new Schedule(id, description, expression, rule, zone.get(), missed.get()));
  }

  private static Optional<ZoneId> zone(String name, Checker c) {
    if (name == null) {
      return Optional.of(DEFAULT_ZONE);
    }
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException e) {
      c.error("/timeZone", "unknown time zone '" + name + "'",
          Suggestions.closest(name, ZoneId.getAvailableZoneIds()).map(z -> "did you mean '" + z + "'?")
              .orElse("use a name from the tz database, e.g. Asia/Ho_Chi_Minh or UTC"));
      return Optional.empty();
    }
  }

  private static Optional<String> quartz(ScheduleSpec spec, Checker c) {
    if ((spec.when() == null) == (spec.cron() == null)) {
      c.error(spec.when() == null ? "" : "/cron", spec.when() == null
              ? "the schedule has neither 'when' nor 'cron'" : "the schedule has both 'when' and 'cron'",
          "write one of them, e.g. when: \"daily at 22:00\" or cron: \"0 22 * * *\"");
      return Optional.empty();
    }
    try {
      return Optional.of(spec.when() != null ? ReadableSchedule.toQuartz(spec.when()) : UnixCron.toQuartz(spec.cron()));
    } catch (IllegalArgumentException e) {
      boolean readable = spec.when() != null;
      c.error(readable ? "/when" : "/cron", e.getMessage(), readable
          ? "write one of: " + String.join("; ", ReadableSchedule.examples()) + " (or use cron:)"
          : e.getMessage().contains("both day-of-month")
              ? "set one of the two day fields to *, or use two schedules"
              : "fields are minute hour day-of-month month day-of-week, e.g. \"30 1 1 * *\" (no seconds field)");
      return Optional.empty();
    }
  }
}
