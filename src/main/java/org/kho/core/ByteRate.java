package org.kho.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transfer rate in bytes per second, as written in options and the catalogue: {@code 500k},
 * {@code 10MiB/s}, {@code 2.5 MB/s}, {@code 1G}. k, M, G are powers of 1000; Ki, Mi, Gi powers of 1024.
 */
public record ByteRate(long bytesPerSecond) {
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]i?)?b?(?:/s)?");

  public ByteRate {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("a rate must be at least 1 byte/s");
    }
  }

  /** Reads {@code text}; a usage error names it and shows how to write one. */
  public static ByteRate parse(String text) {
    Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException("'" + text + "' is not a rate", "write e.g. 500k, 10MiB/s or 2.5MB/s (bytes per second)");
    }
    double value = Double.parseDouble(m.group(1)) * multiplier(m.group(2));
    if (value < 1 || value > Long.MAX_VALUE) {
      throw new UsageException("'" + text + "' is out of range", "a rate is at least 1 byte/s");
    }
    return new ByteRate((long) value);
  }

  private static double multiplier(String unit) {
    if (unit == null) {
      return 1;
    }
    int power = "kmg".indexOf(unit.charAt(0)) + 1;
    return Math.pow(unit.endsWith("i") ? 1024 : 1000, power);
  }
}
