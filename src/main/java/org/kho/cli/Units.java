package org.kho.cli;

import java.util.Locale;

/** Human-readable sizes, rates and durations for output. */
final class Units {
  private Units() {}

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }

  static String rate(long bytes, double seconds) {
    return seconds <= 0 ? "-" : bytes((long) (bytes / seconds)) + "/s";
  }

  static String duration(java.time.Duration d) {
    return duration(d.toMillis() / 1000.0);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
