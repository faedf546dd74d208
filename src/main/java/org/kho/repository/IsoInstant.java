package org.kho.repository;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 instants in the one form stored trees use, {@code 2026-11-21T19:25:33.123456789Z}, as
 * {@link java.time.format.DateTimeFormatter#ISO_INSTANT} writes it (the fraction in groups of three
 * digits, none when zero), without that formatter's general machinery. Only years 0000 to 9999 take
 * this path: callers fall back to {@link Instant#toString()} and the general parser otherwise.
 */
final class IsoInstant {
  /** The longest form: 19 characters of date and time, a dot, 9 digits of fraction and the Z. */
  static final int MAX_CHARS = 30;
  private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
  private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
  private static final int DATE_TIME_CHARS = 19;

  private IsoInstant() {}

  /**
   * Writes {@code t} into {@code buf} (at least {@value #MAX_CHARS} long) as {@code ISO_INSTANT} does;
   * returns the length, or -1 for a year outside 0000-9999.
   */
  static int format(Instant t, char[] buf) {
    long seconds = t.getEpochSecond();
    if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
      return -1;
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    digits(buf, 0, date.getYear(), 4);
    buf[4] = '-';
    digits(buf, 5, date.getMonthValue(), 2);
    buf[7] = '-';
    digits(buf, 8, date.getDayOfMonth(), 2);
    buf[10] = 'T';
    digits(buf, 11, secondOfDay / 3600, 2);
    buf[13] = ':';
    digits(buf, 14, secondOfDay / 60 % 60, 2);
    buf[16] = ':';
    digits(buf, 17, secondOfDay % 60, 2);
    int at = DATE_TIME_CHARS;
    int nano = t.getNano();
    if (nano > 0) {
      buf[at++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(buf, at, nano / 1_000_000, 3);
        at += 3;
      } else if (nano % 1_000 == 0) {
        digits(buf, at, nano / 1_000, 6);
        at += 6;
      } else {
        digits(buf, at, nano, 9);
        at += 9;
      }
    }
    buf[at++] = 'Z';
    return at;
  }

  /**
   * The instant {@code s[off, off+len)} names when it has exactly the form {@link #format} writes
   * (any number of fraction digits up to nine); null for anything else, valid or not.
   */
  static Instant parse(char[] s, int off, int len) {
    if (len < DATE_TIME_CHARS + 1 || len > MAX_CHARS || s[off + len - 1] != 'Z' || s[off + 4] != '-'
        || s[off + 7] != '-' || s[off + 10] != 'T' || s[off + 13] != ':' || s[off + 16] != ':') {
      return null;
    }
    int year = number(s, off, 4);
    int month = number(s, off + 5, 2);
    int day = number(s, off + 8, 2);
    int hour = number(s, off + 11, 2);
    int minute = number(s, off + 14, 2);
    int second = number(s, off + 17, 2);
    int nano = fraction(s, off + DATE_TIME_CHARS, len - DATE_TIME_CHARS - 1);
    if ((year | month | day | hour | minute | second | nano) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second, nano);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The nanoseconds of a fraction {@code .ddd} of 1 to 9 digits at {@code s[off]}, 0 if {@code len == 0}; -1 if malformed. */
  private static int fraction(char[] s, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (len < 2 || s[off] != '.') {
      return -1;
    }
    int digits = len - 1;
    int value = number(s, off + 1, digits);
    for (int i = digits; i < 9 && value >= 0; i++) {
      value *= 10;
    }
    return value;
  }

  /** The decimal number of {@code count} digits at {@code s[off]}; -1 if one is not a digit. */
  private static int number(char[] s, int off, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) {
      int d = s[off + i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static void digits(char[] buf, int off, int value, int count) {
    for (int i = off + count - 1; i >= off; i--) {
      buf[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
