package org.kho.logarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.catalogue.MonthRule;

class MonthFinderTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final MonthRule.FromLines SYSLOG = new MonthRule.FromLines(
      Pattern.compile("^(\\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2})"), "MMM ppd HH:mm:ss");
  private static final MonthRule.FromLines NGINX = new MonthRule.FromLines(
      Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\]"), "dd/MMM/yyyy:HH:mm:ss Z");

  @TempDir
  Path tmp;

  @Test
  void syslogLinesWithoutAYearTakeItFromTheFileAndSplitAtTheNewYear() throws IOException {
    String december = "Dec 31 23:59:58 web sshd[1]: Accepted password for admin\n";
    String january = "Jan  1 00:00:01 web sshd[2]: Accepted password for admin\n  continued line\n";
    Path f = write("auth.log.1", december + january, LocalDateTime.of(2027, 1, 1, 8, 0));

    LogFile log = new MonthFinder(SYSLOG, HANOI).read(f);

    assertThat(log.segments()).extracting(LogFile.Segment::month, LogFile.Segment::offset, LogFile.Segment::length)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 12), 0L, (long) december.length()),
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2027, 1), (long) december.length(), (long) january.length()));
    assertThat(log.segments().getFirst().first()).isEqualTo(LocalDateTime.of(2026, 12, 31, 23, 59, 58));
  }

  @Test
  void timestampsWithAnOffsetCountInTheSourcesZone() throws IOException {
    String line = "1.2.3.4 - - [30/Sep/2026:18:30:00 +0000] \"GET / HTTP/1.1\" 200 1\n";
    Path f = write("access.log", line + line, LocalDateTime.of(2026, 10, 1, 2, 0));

    LogFile log = new MonthFinder(NGINX, HANOI).read(f);

    assertThat(log.months()).containsExactly(YearMonth.of(2026, 10));
    assertThat(log.segments().getFirst().first()).isEqualTo(LocalDateTime.of(2026, 10, 1, 1, 30));
  }

  @Test
  void aMonthWithoutLinesInsideAFileGetsNoSegment() throws IOException {
    StringBuilder s = new StringBuilder();
    for (int day = 1; day <= 31; day++) {
      s.append("[%02d/Aug/2026:10:00:00 +0700] a\n".formatted(day));
    }
    s.append("[01/Oct/2026:10:00:00 +0700] b\n");
    Path f = write("gap.log", s.toString(), LocalDateTime.of(2026, 10, 2, 0, 0));

    LogFile log = new MonthFinder(NGINX, HANOI).read(f);

    assertThat(log.months()).containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 10));
    assertThat(log.segments().getLast().length()).isEqualTo("[01/Oct/2026:10:00:00 +0700] b\n".length());
  }

  @Test
  void aGzipFileIsWholeInEveryMonthFromItsFirstLineToItsModificationTime() throws IOException {
    Path f = tmp.resolve("access.log.2.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("[29/Sep/2026:00:00:00 +0700] a\n[02/Oct/2026:00:00:00 +0700] b\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.setLastModifiedTime(f, FileTime.from(LocalDateTime.of(2026, 10, 2, 0, 0).atZone(HANOI).toInstant()));

    LogFile log = new MonthFinder(NGINX, HANOI).read(f);

    assertThat(log.compressed()).isTrue();
    assertThat(log.segments()).extracting(LogFile.Segment::month).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    assertThat(log.segments()).allMatch(s -> s.offset() == 0 && s.length() == log.size());
  }

  @Test
  void aDateInTheNameGivesTheMonthAndANameWithoutOneFallsBackToTheModificationTime() throws IOException {
    MonthFinder byName = new MonthFinder(new MonthRule.FromName(Pattern.compile("-(\\d{8})"), "yyyyMMdd"), HANOI);
    Path dated = write("access.log-20260915", "x\n", LocalDateTime.of(2026, 10, 20, 0, 0));
    Path live = write("access.log", "y\n", LocalDateTime.of(2026, 11, 3, 0, 0));

    assertThat(byName.read(dated).months()).containsExactly(YearMonth.of(2026, 9));
    LogFile fallback = byName.read(live);
    assertThat(fallback.months()).containsExactly(YearMonth.of(2026, 11));
    assertThat(fallback.note()).contains("modification time");
  }

  @Test
  void linesWithoutTimestampsFallBackToTheModificationTime() throws IOException {
    Path f = write("odd.log", "no time here\nnor here\n", LocalDateTime.of(2026, 7, 4, 0, 0));

    LogFile log = new MonthFinder(NGINX, HANOI).read(f);

    assertThat(log.months()).containsExactly(YearMonth.of(2026, 7));
    assertThat(log.note()).contains("no line has a timestamp");
  }

  @Test
  void globsFindRotatedFilesAndExcludesLeaveSomeOut() throws IOException {
    for (String name : List.of("access.log", "access.log.1", "access.log.2.gz", "nginx.pid", "old/access.log.9")) {
      write("nginx/" + name, "x\n", LocalDateTime.of(2026, 1, 1, 0, 0));
    }

    List<Path> found = LogFiles.find(tmp.getFileSystem(), List.of(tmp + "/nginx/access.log*", tmp + "/nginx/**/*.9"),
        List.of("*.gz"));

    assertThat(found).extracting(p -> tmp.relativize(p).toString())
        .containsExactly("nginx/access.log", "nginx/access.log.1", "nginx/old/access.log.9");
  }

  private Path write(String name, String content, LocalDateTime mtime) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(p, FileTime.from(mtime.atZone(HANOI).toInstant()));
    return p;
  }
}
