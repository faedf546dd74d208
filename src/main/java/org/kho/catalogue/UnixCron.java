package org.kho.catalogue;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Translates a five-field cron line (minute hour day-of-month month day-of-week, with Sunday 0
 * or 7, and the {@code @daily} family) into the Quartz form that {@link CronRule} evaluates.
 */
final class UnixCron {
  private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  private static final Map<String, String> MACROS = Map.of(
      "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");

  private UnixCron() {}

  /** The Quartz form of {@code line}; throws with a message naming the field that is wrong. */
  static String toQuartz(String line) {
    String text = MACROS.getOrDefault(line.trim().toLowerCase(Locale.ROOT), line.trim());
    String[] f = text.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("a cron line has 5 fields (minute hour day-of-month month day-of-week), '"
          + line + "' has " + f.length);
    }
    String[] names = {"minute", "hour", "day-of-month", "month"};
    int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}};
    for (int i = 0; i < 4; i++) {
      checkRange(f[i], names[i], ranges[i][0], ranges[i][1]);
    }
    boolean domAny = f[2].equals("*");
    boolean dowAny = f[4].equals("*");
    if (!domAny && !dowAny) {
      throw new IllegalArgumentException("cron line '" + line + "' sets both day-of-month and day-of-week,"
          + " which cron reads as 'either one'");
    }
    String dom = dowAny ? f[2] : "?";
    String dow = dowAny ? "?" : daysOfWeek(f[4]);
    return "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
  }

  /** Reports a number outside {@code [min, max]} in a field, naming the field and the value. */
  private static void checkRange(String field, String name, int min, int max) {
    for (String element : field.split(",")) {
      String range = element.contains("/") ? element.substring(0, element.indexOf('/')) : element;
      for (String token : range.split("-")) {
        if (token.matches("\\d+")) {
          int n = Integer.parseInt(token);
          if (n < min || n > max) {
            throw new IllegalArgumentException(name + " " + n + " in '" + field + "' is out of range " + min + "-" + max);
          }
        }
      }
    }
  }

  /** Expands a day-of-week field into Quartz day names, so 0/7 = Sunday needs no renumbering. */
  private static String daysOfWeek(String field) {
    TreeSet<Integer> days = new TreeSet<>();
    for (String element : field.split(",")) {
      String range = element;
      int step = 1;
      int slash = element.indexOf('/');
      if (slash >= 0) {
        range = element.substring(0, slash);
        step = number(element.substring(slash + 1), field);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = 0;
        to = 6;
      } else if (range.contains("-")) {
        from = day(range.substring(0, range.indexOf('-')), field);
        to = day(range.substring(range.indexOf('-') + 1), field);
        to = to == 0 && from > 0 ? 7 : to;
      } else {
        from = day(range, field);
        to = slash >= 0 ? 6 : from;
      }
      if (step < 1 || to < from) {
        throw new IllegalArgumentException("day-of-week '" + element + "' in '" + field + "' is not a valid range");
      }
      for (int d = from; d <= to; d += step) {
        days.add(d % 7);
      }
    }
    return String.join(",", days.stream().map(d -> DAY_NAMES[d]).toList());
  }

  private static int day(String token, String field) {
    String t = token.toUpperCase(Locale.ROOT);
    for (int i = 0; i < DAY_NAMES.length; i++) {
      if (DAY_NAMES[i].equals(t)) {
        return i;
      }
    }
    int n = number(token, field);
    if (n < 0 || n > 7) {
      throw new IllegalArgumentException("day-of-week " + n + " in '" + field + "' is out of range 0-7");
    }
    return n;
  }

  private static int number(String token, String field) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + token + "' in day-of-week '" + field + "' is neither a number nor a day name");
    }
  }
}
