package org.kho.logarchive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * Random access to the lines of a plain log file by byte position: the timestamped line at or
 * after a position, the one ending at or before it, and the first line of a month by binary
 * search. Reads a few KiB at a time; never the whole file.
 */
final class Lines implements AutoCloseable {
  /** The part of a line whose timestamp is read: timestamps sit near the start. */
  private static final int HEAD = 4096;
  private final FileChannel channel;
  private final long size;
  private final LineTimes times;
  private final int maxLines;

  /** A timestamped line: where it starts and its time. */
  record Stamp(long start, LocalDateTime time) {}

  Lines(Path file, long size, LineTimes times, int maxLines) throws IOException {
    this.channel = FileChannel.open(file);
    this.size = size;
    this.times = times;
    this.maxLines = maxLines;
  }

  /** The first timestamped line starting at {@code pos} or after (pos is moved to a line start), or null. */
  Stamp forward(long pos) throws IOException {
    long start = pos == 0 ? 0 : next('\n', pos - 1) + 1;
    if (pos > 0 && start == 0) {
      return null; // no line starts at or after pos
    }
    for (int i = 0; i < maxLines && start < size; i++) {
      byte[] head = read(start, HEAD);
      LocalDateTime t = times.of(line(head));
      if (t != null) {
        return new Stamp(start, t);
      }
      long nl = next('\n', start);
      if (nl < 0) {
        return null;
      }
      start = nl + 1;
    }
    return null;
  }

  /** The last timestamped line that ends at {@code end} or before, or null. */
  Stamp backward(long end) throws IOException {
    long lineEnd = end;
    for (int i = 0; i < maxLines && lineEnd > 0; i++) {
      long start = previous('\n', lineEnd - 2) + 1;
      LocalDateTime t = times.of(line(read(start, (int) Math.min(HEAD, lineEnd - start))));
      if (t != null) {
        return new Stamp(start, t);
      }
      lineEnd = start;
    }
    return null;
  }

  /**
   * Where the first line of {@code month} or later starts, searching from {@code from} (a line
   * start before it); the file's size when there is none.
   */
  long firstOf(YearMonth month, long from) throws IOException {
    Stamp atFrom = forward(from);
    if (atFrom == null) {
      return size;
    }
    if (!YearMonth.from(atFrom.time()).isBefore(month)) {
      return atFrom.start();
    }
    long lo = from; // the line found from lo is of an earlier month
    long hi = size; // the line found from hi is of this month or later, or there is none
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      Stamp s = forward(mid);
      if (s == null || !YearMonth.from(s.time()).isBefore(month)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    Stamp s = forward(hi);
    return s == null ? size : s.start();
  }

  private static String line(byte[] head) {
    int n = 0;
    while (n < head.length && head[n] != '\n') {
      n++;
    }
    return new String(head, 0, n, StandardCharsets.UTF_8);
  }

  private byte[] read(long pos, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, Math.min(length, size - pos)));
    while (buf.hasRemaining()) {
      if (channel.read(buf, pos + buf.position()) < 0) {
        break;
      }
    }
    byte[] out = new byte[buf.position()];
    buf.flip().get(out);
    return out;
  }

  /** The position of the first {@code b} at or after {@code pos}, or -1. */
  private long next(char b, long pos) throws IOException {
    for (long at = pos; at < size; at += HEAD) {
      byte[] chunk = read(at, HEAD);
      for (int i = 0; i < chunk.length; i++) {
        if (chunk[i] == b) {
          return at + i;
        }
      }
    }
    return -1;
  }

  /** The position of the last {@code b} at or before {@code pos}, or -1. */
  private long previous(char b, long pos) throws IOException {
    for (long hi = pos; hi >= 0; hi -= HEAD) {
      long lo = Math.max(0, hi - HEAD + 1);
      byte[] chunk = read(lo, (int) (hi - lo + 1));
      for (int i = chunk.length - 1; i >= 0; i--) {
        if (chunk[i] == b) {
          return lo + i;
        }
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
