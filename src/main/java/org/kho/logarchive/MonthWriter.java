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
import org.kho.plan.LogMonths;
import org.kho.repository.Repository;
import org.kho.repository.Snapshot;

/**
 * Archives one month of one source into one repository: the month's files and parts of files as
 * one tagged snapshot, then the signed manifest chained to the source's previous one.
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

  /** Writes month {@code month} after {@code previous} (the source's last manifest here, if any). */
  Written write(YearMonth month, Optional<Chain.Link> previous, Collection logs, boolean closed,
      Optional<String> allowSameDevice, BackupProgress progress) {
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
    String snapshot = null;
    List<Manifest.Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!parts.isEmpty()) {
      PartsBackup.Result r = new PartsBackup(repo, clock, program).run(parts, Tags.source(source.id().value()),
          Tags.of(source.id().value(), month, keepUntil), allowSameDevice, progress);
      snapshot = r.backup().snapshot().id();
      for (Snapshot.Problem p : r.backup().snapshot().snapshot().problems()) {
        problems.add(p.path() + ": " + p.what());
      }
      for (Stored s : stored) {
        String sha = r.sha256().get(s.file().path().toAbsolutePath().normalize());
        if (sha != null && problems.stream().noneMatch(p -> p.startsWith(s.file().path() + ": "))) {
          entries.add(s.entry(sha));
        }
      }
    }
    long bytes = entries.stream().mapToLong(Manifest.Entry::size).sum();
    Manifest m = new Manifest(Manifest.TYPE, repo.config().id(), source.id().value(), month.toString(),
        previous.map(l -> l.manifest().sequence() + 1).orElse(1L), previous.map(Chain.Link::hash).orElse(null),
        closed, snapshot, clock.instant().toString(), repo.host().name(), zone.getId(), source.keepMonths(),
        keepUntil.toString(), entries.size(), bytes, entries);
    String statement = m.statement();
    String record = repo.writeSignedEvidence(statement);
    MonthRun.Outcome outcome = !closed ? MonthRun.Outcome.PARTIAL
        : entries.isEmpty() ? MonthRun.Outcome.EMPTY : MonthRun.Outcome.ARCHIVED;
    return new Written(new MonthRun(month, outcome, snapshot, entries.size(), bytes, record, problems, null),
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
