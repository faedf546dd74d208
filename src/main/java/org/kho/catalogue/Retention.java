package org.kho.catalogue;

import java.time.Period;
import java.util.Optional;

/**
 * How long an item's snapshots are kept: the newest {@code last}, then one per hour, day, week,
 * month and year for as many of each, every snapshot younger than {@code within}, and every
 * snapshot carrying one of {@code tags}. Zero means "no rule of that kind".
 */
public record Retention(int last, int hourly, int daily, int weekly, int monthly, int yearly,
    Optional<Period> within, java.util.List<String> tags) {

  /** Copies the tags. */
  public Retention {
    tags = java.util.List.copyOf(tags);
  }

  /** A short form for listings: {@code last 3, daily 7, monthly 12, within 1y}. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    append(s, "last", last);
    append(s, "hourly", hourly);
    append(s, "daily", daily);
    append(s, "weekly", weekly);
    append(s, "monthly", monthly);
    append(s, "yearly", yearly);
    within.ifPresent(p -> s.append(s.isEmpty() ? "" : ", ").append("within ").append(Spans.format(p)));
    if (!tags.isEmpty()) {
      s.append(s.isEmpty() ? "" : ", ").append("tags ").append(String.join(" ", tags));
    }
    return s.toString();
  }

  private static void append(StringBuilder s, String name, int n) {
    if (n > 0) {
      s.append(s.isEmpty() ? "" : ", ").append(name).append(' ').append(n);
    }
  }
}
