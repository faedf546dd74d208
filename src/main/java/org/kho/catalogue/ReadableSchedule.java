package org.kho.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the readable forms of a schedule ({@code daily at 22:00}, {@code monthly on day 1
 * at 01:30}, ...) into Quartz expressions. Every form and its meaning is in {@link #FORMS}.
 */
final class ReadableSchedule {
  private static final String TIME = "at (\\d{1,2}):(\\d{2})";
  private static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)";
  private static final Map<String, String> ORDINALS =
      Map.of("first", "#1", "second", "#2", "third", "#3", "fourth", "#4", "last", "L");
  private static final Map<String, String> MONTHS = Map.ofEntries(
      Map.entry("january", "JAN"), Map.entry("february", "FEB"), Map.entry("march", "MAR"),
      Map.entry("april", "APR"), Map.entry("may", "MAY"), Map.entry("june", "JUN"), Map.entry("july", "JUL"),
      Map.entry("august", "AUG"), Map.entry("september", "SEP"), Map.entry("october", "OCT"),
      Map.entry("november", "NOV"), Map.entry("december", "DEC"));

  private record Form(String example, Pattern pattern, Function<Matcher, String> quartz) {}

  /** The accepted forms, in the order they are tried; the examples appear in error messages. */
  private static final List<Form> FORMS = List.of(
      form("daily at 22:00", "daily " + TIME, m -> at(m, 1) + " * * ?"),
      form("weekdays at 18:30", "weekdays " + TIME, m -> at(m, 1) + " ? * MON-FRI"),
      form("weekly on monday, thursday at 02:00", "weekly on ((?:" + DAY + "(?:\\s*,\\s*|\\s+and\\s+)?)+) " + TIME,
          m -> at(m, 3) + " ? * " + dayList(m.group(1))),
      form("monthly on day 1 at 01:30", "monthly on day (\\d{1,2}) " + TIME,
          m -> at(m, 2) + " " + dayOfMonth(m.group(1)) + " * ?"),
      form("monthly on the last day at 23:00", "monthly on the last day " + TIME, m -> at(m, 1) + " L * ?"),
      form("monthly on the first sunday at 03:00",
          "monthly on the (first|second|third|fourth|last) " + DAY + " " + TIME,
          m -> at(m, 3) + " ? * " + dayName(m.group(2)) + ("L".equals(ORDINALS.get(m.group(1))) ? "L" : ORDINALS.get(m.group(1)))),
      form("quarterly on day 1 at 04:00", "quarterly on day (\\d{1,2}) " + TIME,
          m -> at(m, 2) + " " + dayOfMonth(m.group(1)) + " 1,4,7,10 ?"),
      form("yearly on january 15 at 05:00", "yearly on ([a-z]+) (\\d{1,2}) " + TIME,
          m -> at(m, 3) + " " + dayOfMonth(m.group(2)) + " " + month(m.group(1)) + " ?"),
      form("hourly at minute 15", "hourly at minute (\\d{1,2})", m -> "0 " + minute(m.group(1)) + " * * * ?"),
      form("every 6 hours", "every (\\d{1,2}) hours?", m -> "0 0 0/" + step(m.group(1), 23) + " * * ?"),
      form("every 15 minutes", "every (\\d{1,2}) minutes?", m -> "0 0/" + step(m.group(1), 59) + " * * * ?"),
      form("every 30 seconds", "every (\\d{1,2}) seconds?", m -> "0/" + step(m.group(1), 59) + " * * * * ?"));

  private ReadableSchedule() {}

  /** The Quartz expression for {@code text}; throws listing the accepted forms when none fits. */
  static String toQuartz(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    for (Form form : FORMS) {
      Matcher m = form.pattern().matcher(t);
      if (m.matches()) {
        return form.quartz().apply(m);
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a schedule Kho understands");
  }

  /** The examples of every accepted form, for hints. */
  static List<String> examples() {
    return FORMS.stream().map(Form::example).toList();
  }

  private static Form form(String example, String regex, Function<Matcher, String> quartz) {
    return new Form(example, Pattern.compile(regex), quartz);
  }

  /** {@code "0 MM HH"} from the time groups starting at {@code group}. */
  private static String at(Matcher m, int group) {
    int hour = Integer.parseInt(m.group(group));
    int minute = Integer.parseInt(m.group(group + 1));
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException(m.group(group) + ":" + m.group(group + 1) + " is not a time of day (00:00-23:59)");
    }
    return "0 " + minute + " " + hour;
  }

  private static String minute(String text) {
    int minute = Integer.parseInt(text);
    if (minute > 59) {
      throw new IllegalArgumentException("minute " + minute + " is out of range 0-59");
    }
    return Integer.toString(minute);
  }

  private static String step(String text, int max) {
    int n = Integer.parseInt(text);
    if (n < 1 || n > max) {
      throw new IllegalArgumentException("every " + n + " is out of range 1-" + max);
    }
    return Integer.toString(n);
  }

  private static String dayOfMonth(String text) {
    int day = Integer.parseInt(text);
    if (day < 1 || day > 31) {
      throw new IllegalArgumentException("day " + day + " is not a day of the month (1-31)");
    }
    return Integer.toString(day);
  }

  private static String dayName(String day) {
    return day.substring(0, 3).toUpperCase(Locale.ROOT);
  }

  private static String dayList(String days) {
    return String.join(",", Pattern.compile(DAY).matcher(days).results().map(r -> dayName(r.group(1))).distinct().toList());
  }

  private static String month(String name) {
    String m = MONTHS.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().substring(0, 3).equals(name))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    if (m == null) {
      throw new IllegalArgumentException("'" + name + "' is not a month name");
    }
    return m;
  }
}
