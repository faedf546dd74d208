package org.kho.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an action's last success is recent enough for its schedule: it is overdue when the last
 * success is older than the schedule's frequency plus a grace (half the frequency, at most six
 * hours) for a run that is slow or late, or when it never succeeded.
 */
public final class Freshness {
  static final Duration MAX_GRACE = Duration.ofHours(6);

  private Freshness() {}

  /** The verdict for one action at {@code now}. */
  public record Verdict(boolean overdue, Optional<Instant> dueBy) {}

  /**
   * @param lastSuccess when the last successful run started, if any
   * @param frequency how often the action falls due (see {@link Due#frequency}); empty for a one-off
   */
  public static Verdict at(Instant now, Optional<Instant> lastSuccess, Optional<Duration> frequency) {
    if (lastSuccess.isEmpty()) {
      return new Verdict(true, Optional.empty());
    }
    if (frequency.isEmpty()) {
      return new Verdict(false, Optional.empty());
    }
    Duration grace = frequency.get().dividedBy(2);
    grace = grace.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : grace;
    Instant dueBy = lastSuccess.get().plus(frequency.get()).plus(grace);
    return new Verdict(now.isAfter(dueBy), Optional.of(dueBy));
  }
}
