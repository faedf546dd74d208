package org.kho.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kho.catalogue.CronRule;

/** Whether a schedule falls due at a time, and how often it falls due. */
public final class Due {
  /** The horizon over which a schedule's frequency is measured. */
  private static final Duration HORIZON = Duration.ofDays(400);
  private static final int MAX_RUNS = 2000;

  private Due() {}

  /** True when {@code rule} falls due exactly at {@code at}. */
  public static boolean isDue(CronRule rule, Instant at) {
    return rule.nextAfter(at.minusMillis(1)).map(t -> t.toInstant().equals(at)).orElse(false);
  }

  /**
   * How often {@code rule} falls due: the longest gap between two runs over the next 400 days after
   * {@code from} (a monthly schedule gives 31 days). Empty when it runs at most once.
   */
  public static Optional<Duration> frequency(CronRule rule, Instant from) {
    return rule.longestGap(from, HORIZON, MAX_RUNS);
  }
}
