package org.kho.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.CronRule;
import org.kho.report.ComplianceReport.BackupRun;
import org.kho.report.ComplianceReport.Backups;
import org.kho.report.ComplianceReport.Failure;
import org.kho.report.ComplianceReport.Gap;
import org.kho.state.EvidenceIndex;
import org.kho.state.Run;

/**
 * An item's backups in a period, from the run history against its schedule: which scheduled runs no
 * backup answered (grouped into gaps, each from the last backup before it to the first after), the
 * longest time without a backup against the policy, how many snapshots were signed, and every
 * failure with the run that put it right.
 */
final class BackupFacts {
  /** A schedule firing more often than this in a period is not listed time by time. */
  private static final int MAX_FIRES = 20_000;

  private final Instant from;
  private final Instant end;

  /**
   * @param from the period's start
   * @param end the period's end, or now when the period is not over
   */
  BackupFacts(Instant from, Instant end) {
    this.from = from;
    this.end = end;
  }

  Instant from() {
    return from;
  }

  static boolean success(Run r) {
    return r.outcome() == Run.Outcome.SUCCEEDED || r.outcome() == Run.Outcome.INCOMPLETE;
  }

  static boolean failure(Run r) {
    return r.outcome() == Run.Outcome.FAILED || r.outcome() == Run.Outcome.INTERRUPTED;
  }

  /**
   * The facts of one item.
   *
   * @param runs the item's backup runs, oldest first, from well before the period to its end
   * @param snapshots the snapshot records of the item in the period
   */
  Backups of(List<Run> runs, Optional<String> scheduleId, Optional<CronRule> schedule, int everyDays,
      List<EvidenceIndex.Entry> snapshots) {
    List<Instant> done = runs.stream().filter(BackupFacts::success).map(Run::startedAt).toList();
    Optional<Instant> lastBefore = done.stream().filter(t -> t.isBefore(from)).reduce((a, b) -> b);
    List<Instant> inPeriod = done.stream().filter(this::inPeriod).toList();
    List<Instant> fires = schedule.map(this::fires).orElse(List.of());
    List<Gap> gaps = schedule.isPresent() ? scheduleGaps(fires, done, lastBefore, everyDays)
        : policyGaps(lastBefore, inPeriod, everyDays);
    List<BackupRun> list = runs.stream().filter(r -> inPeriod(r.startedAt())).map(BackupFacts::run).toList();
    int failed = (int) runs.stream().filter(r -> inPeriod(r.startedAt()) && failure(r)).count();
    int signed = (int) snapshots.stream().filter(EvidenceIndex.Entry::signed).count();
    return new Backups(scheduleId, everyDays, fires.size(), inPeriod.size(), failed, lastBefore,
        longestDays(lastBefore, inPeriod), gaps, signed, snapshots.size(), list);
  }

  private boolean inPeriod(Instant t) {
    return !t.isBefore(from) && t.isBefore(end);
  }

  private static BackupRun run(Run r) {
    long seconds = r.finishedAt().map(f -> Duration.between(r.startedAt(), f).toSeconds()).orElse(0L);
    return new BackupRun(r.id(), r.startedAt(), seconds, r.outcome().label(), r.figures().files(), r.figures().bytes(),
        r.figures().bytesAdded());
  }

  /** The schedule's times in the period. */
  private List<Instant> fires(CronRule rule) {
    List<Instant> out = new ArrayList<>();
    Optional<ZonedDateTime> next = rule.nextAfter(from.minusMillis(1));
    while (next.isPresent() && next.get().toInstant().isBefore(end) && out.size() < MAX_FIRES) {
      out.add(next.get().toInstant());
      next = rule.nextAfter(next.get().toInstant());
    }
    return out;
  }

  /**
   * Scheduled times that no backup answered before the next scheduled time, grouped: a gap runs
   * from the last backup before its first missed time to the first backup after its last.
   */
  private List<Gap> scheduleGaps(List<Instant> fires, List<Instant> done, Optional<Instant> lastBefore, int everyDays) {
    List<Gap> gaps = new ArrayList<>();
    List<Instant> missed = new ArrayList<>();
    for (int i = 0; i < fires.size(); i++) {
      Instant f = fires.get(i);
      Instant next = i + 1 < fires.size() ? fires.get(i + 1) : end;
      boolean answered = done.stream().anyMatch(t -> !t.isBefore(f) && t.isBefore(next));
      boolean open = i + 1 == fires.size() && !answered;
      if (!answered && !(open && pending(f))) {
        missed.add(f);
      } else if (!missed.isEmpty()) {
        gaps.add(gap(missed, done, lastBefore, everyDays));
        missed = new ArrayList<>();
      }
    }
    if (!missed.isEmpty()) {
      gaps.add(gap(missed, done, lastBefore, everyDays));
    }
    return gaps;
  }

  /** Whether the last scheduled time's window is still open (the period is not over and a run may come). */
  private boolean pending(Instant lastFire) {
    return Duration.between(lastFire, end).compareTo(Duration.ofDays(1)) < 0;
  }

  private Gap gap(List<Instant> missed, List<Instant> done, Optional<Instant> lastBefore, int everyDays) {
    Instant first = missed.getFirst();
    Instant last = missed.getLast();
    Instant since = done.stream().filter(t -> t.isBefore(first)).reduce((a, b) -> b).or(() -> lastBefore).orElse(from);
    Optional<Instant> until = done.stream().filter(t -> t.isAfter(last) && t.isBefore(end)).findFirst();
    long days = Duration.between(since, until.orElse(end)).toDays();
    return new Gap(since, until, days, missed, days > everyDays);
  }

  /** Without a schedule: every time between backups longer than the policy allows. */
  private List<Gap> policyGaps(Optional<Instant> lastBefore, List<Instant> inPeriod, int everyDays) {
    List<Gap> gaps = new ArrayList<>();
    Instant since = lastBefore.orElse(from);
    for (Instant t : inPeriod) {
      if (Duration.between(since, t).toDays() > everyDays) {
        gaps.add(new Gap(since, Optional.of(t), Duration.between(since, t).toDays(), List.of(), true));
      }
      since = t;
    }
    if (Duration.between(since, end).toDays() > everyDays) {
      gaps.add(new Gap(since, Optional.empty(), Duration.between(since, end).toDays(), List.of(), true));
    }
    return gaps;
  }

  /** The longest time without a backup, from the last one before the period (or its start) to its end. */
  private long longestDays(Optional<Instant> lastBefore, List<Instant> inPeriod) {
    Instant since = lastBefore.orElse(from);
    long longest = 0;
    for (Instant t : inPeriod) {
      longest = Math.max(longest, Duration.between(since, t).toDays());
      since = t;
    }
    return Math.max(longest, Duration.between(since, end).toDays());
  }

  /**
   * The runs among {@code runs} (one action on one subject, oldest first) that failed in the period,
   * each with the first later run that succeeded.
   */
  List<Failure> failures(List<Run> runs) {
    List<Failure> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      if (!failure(r) || !inPeriod(r.startedAt())) {
        continue;
      }
      Optional<Run> fix = runs.subList(i + 1, runs.size()).stream().filter(BackupFacts::success).findFirst();
      out.add(new Failure(r.id(), r.action(), r.subject(), r.startedAt(), r.outcome().label(), r.error(),
          fix.map(Run::startedAt), fix.map(Run::id)));
    }
    return out;
  }
}
