package org.kho.logarchive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.kho.catalogue.LogSource;
import org.kho.catalogue.MonthRule;
import org.kho.core.LogSourceId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * Four months of generated application logs, rotated the way logrotate leaves them, with a fixed
 * clock in the fourth month (November 2026, open): August gzip-compressed, September plain,
 * a plain file spanning September and October, a gzip file spanning October and November, and the
 * live file of November. {@link #expected} holds the bytes each closed month must restore to.
 */
public final class FourMonths {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T03:00:00Z"), ZONE);
  static final YearMonth AUG = YearMonth.of(2026, 8);
  static final YearMonth SEP = YearMonth.of(2026, 9);
  static final YearMonth OCT = YearMonth.of(2026, 10);
  static final YearMonth NOV = YearMonth.of(2026, 11);
  /** The regular expression and format of the lines' timestamps. */
  public static final String REGEX = "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})";
  public static final String FORMAT = "yyyy-MM-dd HH:mm:ss";
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern(FORMAT);

  /** The folder holding the logs. */
  public final Path dir;
  /** Per closed month: each file's path and the bytes of it the month holds. */
  public final Map<YearMonth, Map<Path, byte[]>> expected = new LinkedHashMap<>();
  private final YearMonth open;

  private FourMonths(Path dir, YearMonth open) {
    this.dir = dir;
    this.open = open;
  }

  /** The logs of November 2026 (open) and the three months before, under {@code root}/var/log/app. */
  static FourMonths write(Path root) throws IOException {
    return write(root, NOV);
  }

  /** The logs of {@code open} and the three months before it, under {@code root}/var/log/app. */
  public static FourMonths write(Path root, YearMonth open) throws IOException {
    FourMonths f = new FourMonths(Files.createDirectories(root.resolve("var/log/app")), open);
    f.build();
    return f;
  }

  LogSource source(boolean deleteOriginals) {
    return new LogSource(new LogSourceId("app-logs"), "Application logs", 1, List.of(dir + "/app.log*"),
        List.of("*.pid"), new MonthRule.FromLines(Pattern.compile(REGEX), FORMAT), 3, List.of(new TargetId("disk")), new ScheduleId("monthly-logs"),
        deleteOriginals, Map.of(), Optional.of("test"));
  }

  private void build() throws IOException {
    YearMonth m1 = open.minusMonths(3);
    YearMonth m2 = open.minusMonths(2);
    YearMonth m3 = open.minusMonths(1);
    byte[] first = lines(at(m1, 1), at(m1, m1.lengthOfMonth()).plusHours(23), 3);
    gzip("app.log.4.gz", first, at(m1, m1.lengthOfMonth()).plusHours(23).plusMinutes(59));
    byte[] second1 = lines(at(m2, 1), at(m2, 20), 2);
    plain("app.log.3", second1, at(m2, 20));
    byte[] second2 = lines(at(m2, 21), at(m2, m2.lengthOfMonth()).plusHours(23).plusMinutes(50), 2);
    byte[] third1 = lines(at(m3, 1), at(m3, 12), 2);
    plain("app.log.2", concat(second2, third1), at(m3, 12));
    byte[] thirdAndOpen = lines(at(m3, 13), at(open, 2), 2);
    Path gz = gzip("app.log.1.gz", thirdAndOpen, at(open, 2));
    plain("app.log", lines(at(open, 3), at(open, 9), 2), at(open, 9));
    plain("app.pid", "1234\n".getBytes(StandardCharsets.US_ASCII), at(open, 3));
    expected.put(m1, Map.of(dir.resolve("app.log.4.gz"), Files.readAllBytes(dir.resolve("app.log.4.gz"))));
    expected.put(m2, Map.of(dir.resolve("app.log.3"), second1, dir.resolve("app.log.2"), second2));
    expected.put(m3, Map.of(dir.resolve("app.log.2"), third1, gz, Files.readAllBytes(gz)));
  }

  private static LocalDateTime at(YearMonth m, int day) {
    return m.atDay(day).atStartOfDay();
  }

  /** Log lines every {@code hours} hours from {@code from} to {@code to}, with a stack trace now and then. */
  private static byte[] lines(LocalDateTime from, LocalDateTime to, int hours) {
    StringBuilder s = new StringBuilder();
    int n = 0;
    for (LocalDateTime t = from; !t.isAfter(to); t = t.plusHours(hours)) {
      s.append(TS.format(t)).append(" INFO  [worker-").append(n % 7).append("] request ").append(n)
          .append(" served in ").append(n * 37 % 1000).append(" ms\n");
      if (n % 50 == 0) {
        s.append("java.lang.IllegalStateException: sample\n\tat org.example.App.run(App.java:42)\n");
      }
      n++;
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Path plain(String name, byte[] content, LocalDateTime mtime) throws IOException {
    Path p = Files.write(dir.resolve(name), content);
    Files.setLastModifiedTime(p, FileTime.from(mtime.atZone(ZONE).toInstant()));
    return p;
  }

  private Path gzip(String name, byte[] content, LocalDateTime mtime) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(content);
    }
    Files.setLastModifiedTime(p, FileTime.from(mtime.atZone(ZONE).toInstant()));
    return p;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
