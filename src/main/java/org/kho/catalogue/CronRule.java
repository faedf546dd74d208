package org.kho.catalogue;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a schedule fires, in its time zone. Built from a readable form ({@link ReadableSchedule})
 * or a five-field cron line ({@link UnixCron}), and evaluated by Quartz's
 * {@link CronExpression}, the same evaluator the daemon's triggers use, so that {@code kho plan}
 * shows exactly what the daemon will do.
 *
 * <p>This is the one class outside {@code daemon} that may import Quartz, and only its
 * {@code CronExpression}; the architecture test holds it to that.
 */
public final class CronRule {
  private final String quartz;
  private final ZoneId zone;
  private final CronExpression expression;

  private CronRule(String quartz, ZoneId zone) throws ParseException {
    this.quartz = quartz;
    this.zone = zone;
    this.expression = new CronExpression(quartz);
    this.expression.setTimeZone(TimeZone.getTimeZone(zone));
  }

  /**
   * A rule from a Quartz expression (seconds first).
   *
   * @throws IllegalArgumentException saying what is wrong, when Quartz rejects it
   */
  static CronRule quartz(String quartz, ZoneId zone) {
    try {
      return new CronRule(quartz, zone);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The Quartz expression (seconds first), for the daemon's triggers. */
  public String quartzExpression() {
    return quartz;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first time strictly after {@code after}, or empty if the rule never fires again. */
  public synchronized Optional<ZonedDateTime> nextAfter(Instant after) {
    Date next = expression.getTimeAfter(Date.from(after));
    return Optional.ofNullable(next).map(d -> d.toInstant().atZone(zone));
  }

  /**
   * The longest time between two consecutive runs over the {@code horizon} after {@code from}
   * (looking at most at {@code maxRuns} runs), or empty when the rule fires at most once in it.
   */
  public Optional<Duration> longestGap(Instant from, Duration horizon, int maxRuns) {
    Instant end = from.plus(horizon);
    Optional<ZonedDateTime> previous = nextAfter(from);
    Duration longest = null;
    for (int runs = 0; runs < maxRuns && previous.isPresent(); runs++) {
      Instant prev = previous.get().toInstant();
      if (prev.isAfter(end)) {
        break;
      }
      Optional<ZonedDateTime> next = nextAfter(prev);
      if (next.isEmpty()) {
        break;
      }
      Duration gap = Duration.between(prev, next.get().toInstant());
      longest = longest == null || gap.compareTo(longest) > 0 ? gap : longest;
      previous = next;
    }
    return Optional.ofNullable(longest);
  }

  @Override
  public String toString() {
    return quartz + " (" + zone + ")";
  }
}
