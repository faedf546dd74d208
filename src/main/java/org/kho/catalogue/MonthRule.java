package org.kho.catalogue;

import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** How the month of a log file (or of each of its lines) is known. */
public sealed interface MonthRule {
  /** From a date in the file name: {@code regex}'s first group, read with {@code format}. */
  record FromName(Pattern regex, String format) implements MonthRule {}

  /** From the timestamp of each line: {@code regex}'s first group, read with {@code format}. */
  record FromLines(Pattern regex, String format) implements MonthRule {}

  /** From the file's last-modified time. */
  record FromMtime() implements MonthRule {}

  /** The formatter for {@code format}, for the kinds that have one. */
  static DateTimeFormatter formatter(String format) {
    return DateTimeFormatter.ofPattern(format, java.util.Locale.ROOT);
  }
}
