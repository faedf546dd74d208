package org.kho.logarchive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamp of a log line: the first group of a regular expression, parsed with a
 * DateTimeFormatter pattern. A timestamp with an offset or zone is converted into the source's
 * zone; one without is taken as the source's local time; one without a year (classic syslog,
 * {@code MMM d HH:mm:ss}) gets the year of the file's last change, or the year before when the
 * month comes after that change.
 */
final class LineTimes {
  private final Pattern regex;
  private final DateTimeFormatter format;
  private final ZoneId zone;
  private final YearMonth reference;
  private final boolean inferYear;

  /** {@code reference} is the month of the file's last change, for timestamps without a year. */
  LineTimes(Pattern regex, String format, ZoneId zone, YearMonth reference) {
    this.regex = regex;
    this.zone = zone;
    this.reference = reference;
    this.inferYear = !hasYear(format);
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(format);
    if (inferYear) {
      b.parseDefaulting(ChronoField.YEAR, reference.getYear());
    }
    this.format = b.toFormatter(Locale.ROOT);
  }

  /** The line's time in the source's zone, or null when it has none (a continuation line). */
  LocalDateTime of(CharSequence line) {
    Matcher m = regex.matcher(line);
    if (!m.find() || m.groupCount() < 1 || m.group(1) == null) {
      return null;
    }
    return parse(m.group(1));
  }

  /** A date or date-time as text, or null if it does not parse. */
  LocalDateTime parse(String text) {
    TemporalAccessor t;
    try {
      t = format.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from, YearMonth::from);
    } catch (DateTimeParseException e) {
      return null;
    }
    LocalDateTime local = switch (t) {
      case ZonedDateTime z -> z.withZoneSameInstant(zone).toLocalDateTime();
      case LocalDateTime l -> l;
      case LocalDate d -> d.atStartOfDay();
      case YearMonth ym -> ym.atDay(1).atStartOfDay();
      default -> null;
    };
    return local != null && inferYear && YearMonth.from(local).isAfter(reference) ? local.minusYears(1) : local;
  }

  /** Whether a DateTimeFormatter pattern has a year letter outside quoted text. */
  static boolean hasYear(String pattern) {
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == 'y' || c == 'u' || c == 'Y')) {
        return true;
      }
    }
    return false;
  }
}
