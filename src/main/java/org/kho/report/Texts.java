package org.kho.report;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of one language ({@code org/kho/report/messages_LANG.properties}, UTF-8, never falling
 * back to another language or to the machine's locale) and how numbers, sizes and times are
 * written in it.
 */
public final class Texts {
  private static final String BUNDLE = "org.kho.report.messages";
  private final Language language;
  private final ResourceBundle bundle;
  private final ZoneId zone;

  public Texts(Language language, ZoneId zone) {
    this.language = language;
    this.zone = zone;
    this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public Language language() {
    return language;
  }

  /** The text for {@code key}; a missing key is a bug, shown as {@code ??key??} rather than failing a report. */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return "??" + key + "??";
    }
  }

  /** Every text, for templates ({@code t['key']}). */
  public Map<String, String> all() {
    Map<String, String> all = new HashMap<>();
    bundle.keySet().forEach(k -> all.put(k, bundle.getString(k)));
    return all;
  }

  /** A whole number with the language's grouping: 1.073.741.824 (vi), 1,073,741,824 (en). */
  public String number(long n) {
    return NumberFormat.getIntegerInstance(language.locale()).format(n);
  }

  /** A size in binary units with the byte count: 1 GiB (1.073.741.824 byte). */
  public String size(long bytes) {
    String shortSize = shortSize(bytes);
    return bytes < 1024 ? shortSize : shortSize + " (" + number(bytes) + " " + get("unit.bytes") + ")";
  }

  /** A size in binary units alone, for tables: 1,5 GiB (vi), 1.5 GiB (en). */
  public String shortSize(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    NumberFormat f = NumberFormat.getNumberInstance(language.locale());
    f.setMaximumFractionDigits(u == 0 ? 0 : 1);
    return f.format(v) + " " + units[u];
  }

  /** A time in the report's zone, with its offset. */
  public String time(Instant t) {
    return DateTimeFormatter.ofPattern(get("format.time")).withZone(zone).format(t);
  }

  /** A time in the report's zone to the minute, without the offset, for tables. */
  public String shortTime(Instant t) {
    return DateTimeFormatter.ofPattern(get("format.shortTime")).withZone(zone).format(t);
  }

  /** A duration as h:mm:ss. */
  public String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** A duration as h:mm:ss, or with whole days first when a day or longer: 3 d 4:05:06 (en), 3 ngày 4:05:06 (vi). */
  public String span(Duration d) {
    long days = Math.max(0, d.toDays());
    return days == 0 ? duration(d) : days + " " + get("unit.dayUnit") + " " + duration(d.minusDays(days));
  }
}
