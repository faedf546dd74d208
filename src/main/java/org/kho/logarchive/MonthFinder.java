package org.kho.logarchive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.zip.GZIPInputStream;
import org.kho.catalogue.MonthRule;
import org.kho.logarchive.LogFile.Segment;

/**
 * Finds the months of a log file's bytes by the source's {@link MonthRule}, reading as little as
 * it can: a plain file's first and last timestamped lines, and where they differ, a binary search
 * for the first line of each later month (log lines are written in time order; a line written a
 * moment late stays with its neighbours). A gzip file is not cut: its months run from its first
 * line's to its modification time's (logrotate compresses a file after its last line and gzip
 * keeps the file's time), and it is stored whole in each.
 */
final class MonthFinder {
  /** How far a search for a timestamped line goes before it gives up. */
  private static final int MAX_LINES = 10_000;
  private final MonthRule rule;
  private final ZoneId zone;

  MonthFinder(MonthRule rule, ZoneId zone) {
    this.rule = rule;
    this.zone = zone;
  }

  LogFile read(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    long size = a.size();
    Instant mtime = a.lastModifiedTime().toInstant();
    YearMonth changed = YearMonth.from(mtime.atZone(zone));
    boolean gzip = isGzip(file);
    return switch (rule) {
      case MonthRule.FromMtime m -> whole(file, size, mtime, gzip, changed, null);
      case MonthRule.FromName n -> fromName(file, size, mtime, gzip, n, changed);
      case MonthRule.FromLines l -> {
        LineTimes times = new LineTimes(l.regex(), l.format(), zone, changed);
        yield gzip ? fromGzipLines(file, size, mtime, times, changed) : fromLines(file, size, mtime, times, changed);
      }
    };
  }

  private LogFile fromName(Path file, long size, Instant mtime, boolean gzip, MonthRule.FromName n, YearMonth changed) {
    Matcher m = n.regex().matcher(file.getFileName().toString());
    LocalDateTime date = m.find() ? new LineTimes(n.regex(), n.format(), zone, changed).parse(m.group(1)) : null;
    if (date == null) {
      return whole(file, size, mtime, gzip, changed, "no date in the file name; month from its modification time");
    }
    return whole(file, size, mtime, gzip, YearMonth.from(date), null);
  }

  private static LogFile whole(Path file, long size, Instant mtime, boolean gzip, YearMonth month, String note) {
    return new LogFile(file, size, mtime, gzip, List.of(new Segment(month, 0, size, null, null)), note);
  }

  private LogFile fromGzipLines(Path file, long size, Instant mtime, LineTimes times, YearMonth changed)
      throws IOException {
    LocalDateTime first = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 64 * 1024), StandardCharsets.UTF_8))) {
      String line;
      for (int i = 0; i < MAX_LINES && first == null && (line = r.readLine()) != null; i++) {
        first = times.of(line);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return whole(file, size, mtime, true, changed, "gzip data is damaged (" + e.getMessage() + "); month from its modification time");
    }
    if (first == null) {
      return whole(file, size, mtime, true, changed, "no line has a timestamp; month from its modification time");
    }
    LocalDateTime last = LocalDateTime.ofInstant(mtime, zone);
    List<Segment> segments = new ArrayList<>();
    YearMonth to = changed.isBefore(YearMonth.from(first)) ? YearMonth.from(first) : changed;
    for (YearMonth m = YearMonth.from(first); !m.isAfter(to); m = m.plusMonths(1)) {
      segments.add(new Segment(m, 0, size, first, last.isBefore(first) ? first : last));
    }
    return new LogFile(file, size, mtime, true, segments, null);
  }

  private LogFile fromLines(Path file, long size, Instant mtime, LineTimes times, YearMonth changed)
      throws IOException {
    try (Lines lines = new Lines(file, size, times, MAX_LINES)) {
      Lines.Stamp first = lines.forward(0);
      Lines.Stamp last = lines.backward(size);
      if (first == null || last == null) {
        return whole(file, size, mtime, false, changed, "no line has a timestamp; month from its modification time");
      }
      YearMonth from = YearMonth.from(first.time());
      YearMonth to = YearMonth.from(last.time());
      if (!to.isAfter(from)) {
        return new LogFile(file, size, mtime, false, List.of(new Segment(from, 0, size, first.time(), last.time())),
            to.isBefore(from) ? "the last line is older than the first; kept whole in the first line's month" : null);
      }
      List<Segment> segments = new ArrayList<>();
      long start = 0;
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        long end = m.equals(to) ? size : lines.firstOf(m.plusMonths(1), start);
        if (end > start) {
          Lines.Stamp a = lines.forward(start);
          Lines.Stamp b = lines.backward(end);
          segments.add(new Segment(m, start, end - start, a == null ? null : a.time(), b == null ? null : b.time()));
        }
        start = Math.max(start, end);
      }
      return new LogFile(file, size, mtime, false, segments, null);
    }
  }

  /** Whether the file starts with the gzip magic bytes. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }
}
