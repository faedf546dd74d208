package org.kho.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kho.core.UsageException;

/**
 * The span a report covers: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month
 * ({@code 2026-11}), from its first day to the first day after it, in the report's time zone.
 *
 * @param label what the user wrote, normalised ({@code 2026-Q4})
 * @param first the first day
 * @param end the first day after the period
 */
public record ReportPeriod(String label, Kind kind, LocalDate first, LocalDate end) {
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  /** How long the period is. */
  public enum Kind { YEAR, QUARTER, MONTH }

  /**
   * The period {@code text} names.
   *
   * @throws UsageException saying what forms are understood, when it names none
   */
  public static ReportPeriod parse(String text) {
    String s = text == null ? "" : text.strip();
    Matcher m;
    if ((m = YEAR.matcher(s)).matches()) {
      LocalDate first = LocalDate.of(year(m.group(1), text), 1, 1);
      return new ReportPeriod(s, Kind.YEAR, first, first.plusYears(1));
    }
    if ((m = QUARTER.matcher(s)).matches()) {
      int q = Integer.parseInt(m.group(2));
      LocalDate first = LocalDate.of(year(m.group(1), text), 3 * q - 2, 1);
      return new ReportPeriod(m.group(1) + "-Q" + q, Kind.QUARTER, first, first.plusMonths(3));
    }
    if ((m = MONTH.matcher(s)).matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        LocalDate first = LocalDate.of(year(m.group(1), text), month, 1);
        return new ReportPeriod(s, Kind.MONTH, first, first.plusMonths(1));
      }
    }
    throw bad(text);
  }

  private static int year(String digits, String text) {
    int year = Integer.parseInt(digits);
    if (year < 2000 || year > 2999) {
      throw bad(text);
    }
    return year;
  }

  private static UsageException bad(String text) {
    return new UsageException("--period '" + text + "' is not a year, a quarter or a month",
        "give a year (2026), a quarter (2026-Q4, Q1 to Q4) or a month (2026-11)");
  }

  /** The first instant of the period in {@code zone}. */
  public Instant from(ZoneId zone) {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period in {@code zone}. */
  public Instant to(ZoneId zone) {
    return end.atStartOfDay(zone).toInstant();
  }

  /** The last day of the period. */
  public LocalDate last() {
    return end.minusDays(1);
  }

  /** The label in file names: {@code 2026-q4}. */
  public String fileLabel() {
    return label.toLowerCase(Locale.ROOT);
  }
}
