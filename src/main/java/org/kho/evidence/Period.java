package org.kho.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kho.core.UsageException;

/**
 * A reporting period: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code 2026-11}),
 * from its first day's midnight to the next period's, in {@code zone}.
 *
 * @param label the period as written
 * @param zone the time zone its days are counted in
 * @param first its first month
 * @param last its last month
 */
public record Period(String label, ZoneId zone, YearMonth first, YearMonth last) {
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{2}))?");

  /** The period {@code text} names, in {@code zone}. */
  public static Period parse(String text, ZoneId zone) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new UsageException("'" + text + "' is not a period", "give a year (2026), a quarter (2026-Q4) or a month (2026-11)");
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      YearMonth first = YearMonth.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
      return new Period(m.group(), zone, first, first.plusMonths(2));
    }
    if (m.group(3) != null) {
      int month = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12) {
        throw new UsageException("'" + text + "' names month " + month, "give a month from 01 to 12, e.g. 2026-11");
      }
      YearMonth only = YearMonth.of(year, month);
      return new Period(m.group(), zone, only, only);
    }
    return new Period(m.group(), zone, YearMonth.of(year, 1), YearMonth.of(year, 12));
  }

  /** The first instant of the period. */
  public Instant from() {
    return first.atDay(1).atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant to() {
    LocalDate next = last.plusMonths(1).atDay(1);
    return next.atStartOfDay(zone).toInstant();
  }

  /** Whether {@code at} falls in the period. */
  public boolean contains(Instant at) {
    return !at.isBefore(from()) && at.isBefore(to());
  }

  /** Whether {@code month} is one of the period's months. */
  public boolean containsMonth(YearMonth month) {
    return !month.isBefore(first) && !month.isAfter(last);
  }

  /**
   * Whether a signed statement belongs to the period: a log-month manifest by the month it seals,
   * any other by its {@code time} (else {@code started}). A statement with neither does not.
   */
  boolean covers(Statement s) {
    try {
      if (s.month() != null && MemberKind.ofRecord(s.type()) == MemberKind.LOG_MANIFEST) {
        return containsMonth(YearMonth.parse(s.month()));
      }
      String when = s.time() != null ? s.time() : s.started();
      return when != null && contains(instant(when));
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** An ISO-8601 instant, with or without an offset other than Z. */
  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return java.time.OffsetDateTime.parse(text).toInstant();
    }
  }
}
