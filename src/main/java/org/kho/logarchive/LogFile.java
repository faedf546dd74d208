package org.kho.logarchive;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * One log file as collection found it: its size and modification time, whether it is gzip
 * data, and the months its bytes belong to.
 *
 * @param segments the file's parts by month, in file order; a plain file spanning a month
 *     boundary is cut at the first line of the next month; a compressed file is stored whole in
 *     every month it touches
 * @param note how the month was found when the source's rule could not be used, or null
 */
public record LogFile(Path path, long size, Instant mtime, boolean compressed, List<Segment> segments, String note) {
  public LogFile {
    segments = List.copyOf(segments);
  }

  /**
   * The bytes {@code [offset, offset + length)} of the file that belong to {@code month}.
   *
   * @param first the first timestamp in it (in the source's time zone), or null when unknown
   * @param last the last timestamp in it, or null when unknown
   */
  public record Segment(YearMonth month, long offset, long length, LocalDateTime first, LocalDateTime last) {}

  /** The months the file has bytes in. */
  public List<YearMonth> months() {
    return segments.stream().map(Segment::month).distinct().toList();
  }

  /** Whether all of the file is stored (no cut): one segment, or a compressed file. */
  boolean whole() {
    return compressed || segments.size() == 1;
  }
}
