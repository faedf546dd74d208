package org.kho.report;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kho.report.ComplianceReport.BackupRun;
import org.kho.report.ComplianceReport.Drill;
import org.kho.report.ComplianceReport.Text;

/**
 * What the report templates call as {@code f}: facts in the report's language, dates in its zone,
 * sizes, and the bars of its charts (drawn with CSS, so they print in the PDF as on screen).
 */
public final class ReportFormat {
  private final Texts texts;
  private final ZoneId zone;

  ReportFormat(Texts texts, ZoneId zone) {
    this.texts = texts;
    this.zone = zone;
  }

  /** A bar of a chart: its label, the value written out, and its length in percent of the longest. */
  public record Bar(String label, String value, int percent, boolean bad) {}

  /** A fact with its arguments filled in. */
  public String text(Text t) {
    return t == null ? "" : MessageFormat.format(texts.get(t.key()).replace("'", "''"), t.args().toArray());
  }

  /** The text {@code key} with its arguments filled in. */
  public String msg(String key, Object a) {
    return text(Text.of(key, a));
  }

  public String msg(String key, Object a, Object b) {
    return text(Text.of(key, a, b));
  }

  public String msg(String key, Object a, Object b, Object c) {
    return text(Text.of(key, a, b, c));
  }

  public String text(Optional<Text> t) {
    return t.map(this::text).orElse("");
  }

  public String date(Instant t) {
    return DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(t);
  }

  public String date(Optional<Instant> t) {
    return t.map(this::date).orElse("—");
  }

  public String time(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(t);
  }

  public String size(long bytes) {
    return texts.size(bytes);
  }

  public String duration(long seconds) {
    return texts.duration(Duration.ofSeconds(seconds));
  }

  public String number(long n) {
    return texts.number(n);
  }

  /** The sizes of an item's backup runs. */
  public List<Bar> sizes(List<BackupRun> runs) {
    long max = runs.stream().mapToLong(BackupRun::bytes).max().orElse(0);
    return runs.stream().map(r -> new Bar(date(r.started()), shortSize(r.bytes()), percent(r.bytes(), max),
        r.outcome().equals("failed") || r.outcome().equals("interrupted"))).toList();
  }

  /** The durations of an item's backup runs. */
  public List<Bar> durations(List<BackupRun> runs) {
    long max = runs.stream().mapToLong(BackupRun::seconds).max().orElse(0);
    return runs.stream().map(r -> new Bar(date(r.started()), duration(r.seconds()), percent(r.seconds(), max),
        r.outcome().equals("failed") || r.outcome().equals("interrupted"))).toList();
  }

  /** Each drill's restore time, then its target when it has one, on one scale. */
  public List<Bar> rto(List<Drill> drills) {
    long max = drills.stream().mapToLong(d -> Math.max(d.rto().measured().toMillis(),
        d.rto().target().map(Duration::toMillis).orElse(0L))).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    for (Drill d : drills) {
      bars.add(new Bar(date(d.started()) + " " + texts.get("chart.measured"), texts.duration(d.rto().measured()),
          percent(d.rto().measured().toMillis(), max), !d.rto().met()));
      d.rto().target().ifPresent(t -> bars.add(new Bar(texts.get("chart.target"), texts.duration(t),
          percent(t.toMillis(), max), false)));
    }
    return bars;
  }

  /** One plan's drill coverage of an item, in a sentence. */
  public String coverage(ComplianceReport.Coverage c) {
    return text(Text.of("drill.coverage", c.plan(), c.run(), c.passed(), c.slicesDone(), c.sliceCount(),
        number(c.filesVerified()), shortSize(c.bytesVerified()), date(c.lastPass())));
  }

  /** A duration as h:mm:ss, or in days from one day up. */
  public String span(long seconds) {
    return seconds >= 86_400 && seconds % 3600 == 0 ? msg("unit.days", texts.number(seconds / 86_400)
        + (seconds % 86_400 == 0 ? "" : " " + duration(seconds % 86_400))) : duration(seconds);
  }

  /** A measured time as h:mm:ss (sub-second times as 0:00:01 at most), or in days from one day up. */
  public String lasted(Duration d) {
    return span(d.toSeconds() + (d.toMillisPart() > 0 ? 1 : 0));
  }

  /** A size in binary units, without the byte count. */
  public String shortSize(long bytes) {
    String s = texts.size(bytes);
    int paren = s.indexOf(" (");
    return paren < 0 ? s : s.substring(0, paren);
  }

  private static int percent(long value, long max) {
    return max <= 0 ? 0 : (int) Math.max(value > 0 ? 1 : 0, Math.round(100.0 * value / max));
  }
}
