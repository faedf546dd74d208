package org.kho.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.kho.core.UsageException;
import org.kho.evidence.Period;

/**
 * The span a report covers: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month
 * ({@code 2026-11}), from its first day to the first day after it, in the report's time zone.
 *
 * @param label what the user wrote, normalised ({@code 2026-Q4})
 * @param first the first day
 * @param end the first day after the period
 */
public record ReportPeriod(String label, Kind kind, LocalDate first, LocalDate end) {
  /** How long the period is. */
  public enum Kind { YEAR, QUARTER, MONTH }

  /**
   * The period {@code text} names: the forms of the evidence bundle's {@link Period} (a quarter's
   * {@code Q} in either case), years 2000 to 2999.
   *
   * @throws UsageException saying what forms are understood, when it names none
   */
  public static ReportPeriod parse(String text) {
    Period p;
    try {
      p = Period.parse(text == null ? null : text.strip().toUpperCase(Locale.ROOT), ZoneOffset.UTC);
    } catch (UsageException e) {
      throw bad(text);
    }
    if (p.first().getYear() < 2000 || p.first().getYear() > 2999) {
      throw bad(text);
    }
    long months = ChronoUnit.MONTHS.between(p.first(), p.last()) + 1;
    Kind kind = months == 1 ? Kind.MONTH : months == 3 ? Kind.QUARTER : Kind.YEAR;
    return new ReportPeriod(p.label(), kind, p.first().atDay(1), p.last().plusMonths(1).atDay(1));
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
