package org.kho.catalogue;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lengths of time officers write: durations ({@code 90s}, {@code 30m}, {@code 4h},
 * {@code 2d}, {@code 1h30m}, ISO {@code PT4H}) and calendar periods ({@code 30d}, {@code 12w},
 * {@code 6mo}, {@code 1y}, {@code 1y6mo}, ISO {@code P1Y}).
 */
public final class Spans {
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+)\\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|h|days?|d|weeks?|w)");
  private static final Pattern PERIOD_PART =
      Pattern.compile("(\\d+)\\s*(days?|d|weeks?|w|months?|mo|years?|y)");

  static final String DURATION_HINT = "write e.g. 90s, 30m, 4h, 1h30m, 2d (or ISO-8601 like PT4H)";
  static final String PERIOD_HINT = "write e.g. 30d, 12w, 6mo, 1y, 1y6mo (or ISO-8601 like P1Y)";

  private Spans() {}

  public static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not a duration");
      }
    }
    Duration total = Duration.ZERO;
    for (String part : parts(t, DURATION_PART, text, "duration")) {
      Matcher m = DURATION_PART.matcher(part);
      m.matches();
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2).charAt(0)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      });
    }
    return total;
  }

  public static Period period(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Period.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not a period");
      }
    }
    Period total = Period.ZERO;
    for (String part : parts(t, PERIOD_PART, text, "period")) {
      Matcher m = PERIOD_PART.matcher(part);
      m.matches();
      int n = Integer.parseInt(m.group(1));
      String unit = m.group(2);
      total = total.plus(unit.startsWith("mo") ? Period.ofMonths(n)
          : unit.startsWith("y") ? Period.ofYears(n)
          : unit.startsWith("w") ? Period.ofWeeks(n)
          : Period.ofDays(n));
    }
    return total;
  }

  /** Splits {@code 1y6mo} into {@code 1y}, {@code 6mo}; fails when anything else is left. */
  private static java.util.List<String> parts(String t, Pattern part, String original, String kind) {
    java.util.List<String> found = new java.util.ArrayList<>();
    Matcher m = part.matcher(t);
    int end = 0;
    while (m.find()) {
      if (!t.substring(end, m.start()).isBlank()) {
        break;
      }
      found.add(m.group());
      end = m.end();
    }
    if (found.isEmpty() || !t.substring(end).isBlank()) {
      throw new IllegalArgumentException("'" + original + "' is not a " + kind);
    }
    return found;
  }

  /** A short form of a duration: {@code 4h}, {@code 1h30m}, {@code 2d}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder s = new StringBuilder();
    if (d.toDaysPart() > 0) {
      s.append(d.toDaysPart()).append('d');
    }
    if (d.toHoursPart() > 0) {
      s.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      s.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      s.append(d.toSecondsPart()).append('s');
    }
    return s.toString();
  }

  /** A short form of a period: {@code 1y6mo}, {@code 30d}. */
  public static String format(Period p) {
    StringBuilder s = new StringBuilder();
    if (p.getYears() > 0) {
      s.append(p.getYears()).append('y');
    }
    if (p.getMonths() > 0) {
      s.append(p.getMonths()).append("mo");
    }
    if (p.getDays() > 0) {
      s.append(p.getDays()).append('d');
    }
    return s.isEmpty() ? "0d" : s.toString();
  }
}
