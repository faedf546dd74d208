package org.kho.logarchive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kho.backup.BackupProgress;
import org.kho.backup.PartsBackup;
import org.kho.catalogue.LogSource;
import org.kho.core.KhoException;
import org.kho.plan.LogMonths;
import org.kho.repository.Repository;
import org.kho.repository.Snapshot;

/**
 * Archives the due months of one source into one repository, in order: each month's files and
 * parts of files as one tagged snapshot, then the signed manifest chained to the source's
 * previous one. The months' data go through one backup session (one pool of workers, one set of
 * pack buffers, one flush); then each month's snapshot is committed and its manifest written
 * before the next month's.
 */
final class MonthWriter {
  private final Repository repo;
  private final LogSource source;
  private final ZoneId zone;
  private final Clock clock;
  private final String program;

  MonthWriter(Repository repo, LogSource source, ZoneId zone, Clock clock, String program) {
    this.repo = repo;
    this.source = source;
    this.zone = zone;
    this.clock = clock;
    this.program = program;
  }

  /** What writing a month did, and the manifest it added to the chain. */
  record Written(MonthRun run, Chain.Link link) {}

  /**
   * Writes {@code months} (in order) after {@code previous} (the source's last manifest here, if
   * any). Stops at the first month that fails, which is reported failed; nothing after it is
   * written, since later months chain to it.
   */
  List<MonthRun> write(List<YearMonth> months, Optional<Chain.Link> previous, Collection logs,
      Optional<String> allowSameDevice, BackupProgress progress) {
    List<Month> all = months.stream().map(m -> month(m, logs)).toList();
    List<Month> stored = all.stream().filter(m -> !m.batch().parts().isEmpty()).toList();
    Sealing sealing = new Sealing(all, previous);
    try {
      if (!stored.isEmpty()) {
        new PartsBackup(repo, clock, program).run(stored.stream().map(Month::batch).toList(), allowSameDevice,
            progress, (i, r) -> sealing.upTo(stored.get(i), r));
      }
      sealing.rest();
    } catch (KhoException e) {
      sealing.failed(e);
    }
    return sealing.runs;
  }

  /** A month to write: its parts of files to store as one snapshot, and the file and segment of each. */
  private record Month(YearMonth month, boolean closed, LocalDate keepUntil, PartsBackup.Batch batch,
      List<Stored> stored) {}

  private Month month(YearMonth month, Collection logs) {
    LocalDate keepUntil = LogMonths.keepUntil(month, source.keepMonths());
    List<PartsBackup.Part> parts = new ArrayList<>();
    List<Stored> stored = new ArrayList<>();
    for (LogFile f : logs.files()) {
      for (LogFile.Segment s : f.segments()) {
        if (s.month().equals(month)) {
          parts.add(new PartsBackup.Part(f.path(), s.offset(), s.length()));
          stored.add(new Stored(f, s));
        }
      }
    }
    return new Month(month, LogMonths.closed(month, clock.instant(), zone), keepUntil,
        new PartsBackup.Batch(parts, Tags.source(source.id().value()), Tags.of(source.id().value(), month, keepUntil)),
        stored);
  }

  /** Writes the manifests in month order as the snapshots are committed, and keeps what each month did. */
  private final class Sealing {
    private final List<Month> months;
    private final List<MonthRun> runs = new ArrayList<>();
    private Optional<Chain.Link> last;

    Sealing(List<Month> months, Optional<Chain.Link> previous) {
      this.months = months;
      this.last = previous;
    }

    /** Writes the months before {@code month} that store nothing, then {@code month} with its snapshot. */
    void upTo(Month month, PartsBackup.Result stored) {
      while (months.get(runs.size()) != month) {
        seal(months.get(runs.size()), null);
      }
      seal(month, stored);
    }

    /** Writes the months left, which store nothing. */
    void rest() {
      while (runs.size() < months.size()) {
        seal(months.get(runs.size()), null);
      }
    }

    /** Reports the first month not written as failed with {@code e}. */
    void failed(KhoException e) {
      if (runs.size() < months.size()) {
        runs.add(MonthRun.failed(months.get(runs.size()).month(), LogArchive.message(e)));
      }
    }

    private void seal(Month month, PartsBackup.Result stored) {
      Written w = manifest(month, last, stored);
      runs.add(w.run());
      last = Optional.of(w.link());
    }
  }

  /** Writes the manifest of {@code month} after {@code previous}; {@code stored} is its snapshot, if it has one. */
  private Written manifest(Month month, Optional<Chain.Link> previous, PartsBackup.Result stored) {
    String snapshot = null;
    List<Manifest.Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (stored != null) {
      snapshot = stored.backup().snapshot().id();
      for (Snapshot.Problem p : stored.backup().snapshot().snapshot().problems()) {
        problems.add(p.path() + ": " + p.what());
      }
      for (Stored s : month.stored()) {
        String sha = stored.sha256().get(s.file().path().toAbsolutePath().normalize());
        if (sha != null && problems.stream().noneMatch(p -> p.startsWith(s.file().path() + ": "))) {
          entries.add(s.entry(sha));
        }
      }
    }
    long bytes = entries.stream().mapToLong(Manifest.Entry::size).sum();
    Manifest m = new Manifest(Manifest.TYPE, repo.config().id(), source.id().value(), month.month().toString(),
        previous.map(l -> l.manifest().sequence() + 1).orElse(1L), previous.map(Chain.Link::hash).orElse(null),
        month.closed(), snapshot, clock.instant().toString(), repo.host().name(), zone.getId(), source.keepMonths(),
        month.keepUntil().toString(), entries.size(), bytes, entries);
    String statement = m.statement();
    String record = repo.writeSignedEvidence(statement);
    MonthRun.Outcome outcome = !month.closed() ? MonthRun.Outcome.PARTIAL
        : entries.isEmpty() ? MonthRun.Outcome.EMPTY : MonthRun.Outcome.ARCHIVED;
    return new Written(new MonthRun(month.month(), outcome, snapshot, entries.size(), bytes, record, problems, null),
        new Chain.Link(record, m, Manifest.hash(statement)));
  }

  /** A segment to store, and the file it is part of. */
  private record Stored(LogFile file, LogFile.Segment segment) {
    Manifest.Entry entry(String sha) {
      return new Manifest.Entry(file.path().toString(), segment.length(), sha, text(segment.first()),
          text(segment.last()), segment.offset(), file.size(), file.mtime().toString(), file.compressed());
    }

    private static String text(LocalDateTime t) {
      return Objects.toString(t, null);
    }
  }
}
