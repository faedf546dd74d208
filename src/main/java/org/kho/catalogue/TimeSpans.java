package org.kho.catalogue;

import java.time.Duration;

/** Lengths of time as officers write them ({@code 30m}, {@code 2h}, {@code 1h30m}), for command-line options too. */
public final class TimeSpans {
  private TimeSpans() {}

  /** The duration {@code text} says; throws {@link IllegalArgumentException} naming the text and the forms accepted. */
  public static Duration duration(String text) {
    try {
      return Spans.duration(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ": " + Spans.DURATION_HINT);
    }
  }
}
