package org.kho.logarchive;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.backup.BackupProgress;
import org.kho.catalogue.LogSource;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.plan.LogMonths;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Repository;

/**
 * Monthly log archives of one source: archive the closed months due into each target, list them,
 * verify their chain and data, find a month's snapshot. Months are archived in order; a month is
 * archived once (re-running is a no-op), a month still open only when forced.
 */
public final class LogArchive {
  private final Clock clock;
  private final String program;

  public LogArchive(Clock clock, String program) {
    this.clock = clock;
    this.program = program;
  }

  /** Opens one target's repository, ready to sign; throws a {@link KhoException} when it cannot. */
  @FunctionalInterface
  public interface Opener {
    Repository open();
  }

  /**
   * How to archive.
   *
   * @param month archive up to this month (default: the last closed one)
   * @param force archive {@code month} although it is still open (a partial archive)
   * @param apply delete originals that the source allows to delete, once verified
   * @param allowSameDevice why a target may share a filesystem with the logs, if it may
   */
  public record Options(Optional<YearMonth> month, boolean force, boolean apply, Optional<String> allowSameDevice) {}

  /** What one run did for a source: per target, the months; then the originals. */
  public record SourceRun(String source, Map<TargetId, List<MonthRun>> targets, List<String> notes,
      Originals.Outcome originals) {}

  public SourceRun archive(LogSource source, ZoneId zone, Map<TargetId, Opener> targets, Signatures signatures,
      Options options, BackupProgress progress) {
    options.month().ifPresent(m -> refuseOpen(m, options.force(), zone));
    Collection logs = Collection.of(source, zone);
    Map<TargetId, List<MonthRun>> runs = new LinkedHashMap<>();
    Originals originals = new Originals(source, logs, LogMonths.current(clock.instant(), zone));
    for (Map.Entry<TargetId, Opener> t : targets.entrySet()) {
      List<MonthRun> months = new ArrayList<>();
      runs.put(t.getKey(), months);
      try (Repository repo = t.getValue().open()) {
        months.addAll(archiveInto(repo, source, zone, logs, signatures, options, progress));
        if (source.deleteOriginals() && months.stream().noneMatch(r -> r.outcome() == MonthRun.Outcome.FAILED)) {
          originals.verifiedIn(repo, Chain.read(EvidenceStore.on(repo.storage()), source.id().value(), signatures));
        }
      } catch (KhoException e) {
        months.add(MonthRun.failed(options.month().orElse(LogMonths.lastClosed(clock.instant(), zone)), message(e)));
      }
    }
    boolean allGood = runs.values().stream().flatMap(List::stream).noneMatch(r -> r.outcome() == MonthRun.Outcome.FAILED);
    return new SourceRun(source.id().value(), runs, logs.notes(), originals.settle(allGood, targets.size(), options.apply()));
  }

  private List<MonthRun> archiveInto(Repository repo, LogSource source, ZoneId zone, Collection logs,
      Signatures signatures, Options options, BackupProgress progress) {
    Chain chain = Chain.read(EvidenceStore.on(repo.storage()), source.id().value(), signatures);
    Optional<YearMonth> done = chain.lastClosed();
    if (options.month().isPresent()) {
      YearMonth m = options.month().get();
      if (chain.archived(m)) {
        return List.of(new MonthRun(m, MonthRun.Outcome.ALREADY, chain.of(m).get().manifest().snapshot(), 0, 0,
            chain.of(m).get().record(), List.of(), null));
      }
      if (done.isPresent() && done.get().isAfter(m)) {
        return List.of(MonthRun.failed(m, m + " comes before " + done.get() + ", which is archived already: "
            + "months are archived in order, and " + m + " has no manifest in this target"));
      }
    }
    List<YearMonth> due = LogMonths.due(done, logs.earliest(), clock.instant(), zone, options.month());
    return new MonthWriter(repo, source, zone, clock, program).write(due, chain.last(), logs,
        options.allowSameDevice(), progress);
  }

  private void refuseOpen(YearMonth month, boolean force, ZoneId zone) {
    YearMonth open = LogMonths.current(clock.instant(), zone);
    if (month.isAfter(open)) {
      throw new UsageException(month + " has not begun yet", "give a closed month, e.g. --month " + open.minusMonths(1));
    }
    if (month.equals(open) && !force) {
      throw new UsageException(month + " is still open (it ends " + open.plusMonths(1).atDay(1) + " 00:00 " + zone
          + "); its logs are not complete", "archive it after it closes, or add --force for a partial archive "
          + "(archived again once the month closes)");
    }
  }

  /** The months of a source in one repository, from its first manifest to the last closed month. */
  public List<MonthState> months(LogSource source, ZoneId zone, Repository repo, Signatures signatures) {
    Chain chain = Chain.read(EvidenceStore.on(repo.storage()), source.id().value(), signatures);
    List<MonthState> out = new ArrayList<>();
    if (chain.links.isEmpty()) {
      return out;
    }
    YearMonth end = LogMonths.lastClosed(clock.instant(), zone);
    YearMonth last = chain.last().get().month();
    for (YearMonth m = chain.links.getFirst().month(); !m.isAfter(end.isAfter(last) ? end : last); m = m.plusMonths(1)) {
      out.add(MonthState.of(m, chain.of(m), LogMonths.keepUntil(m, source.keepMonths())));
    }
    return out;
  }

  /**
   * Verifies a source's archive in one repository: the chain of signed manifests, and every
   * month's data read back against its manifest.
   */
  public Verification verify(LogSource source, ZoneId zone, Repository repo, Signatures signatures) {
    Chain chain = Chain.read(EvidenceStore.on(repo.storage()), source.id().value(), signatures);
    List<Finding> findings = new ArrayList<>(new ChainCheck(chain, source.keepMonths()).run(clock.instant(), zone));
    repo.loadIndex();
    ReadBack readBack = new ReadBack(repo);
    List<YearMonth> intact = new ArrayList<>();
    for (YearMonth m : chain.links.stream().map(Chain.Link::month).distinct().toList()) {
      List<String> problems = readBack.check(chain.of(m).get().manifest());
      problems.forEach(p -> findings.add(new Finding(m, Finding.Kind.DAMAGED, p)));
      if (problems.isEmpty() && findings.stream().noneMatch(f -> m.equals(f.month()))) {
        intact.add(m);
      }
    }
    findings.sort(java.util.Comparator.comparing(Finding::month, java.util.Comparator.nullsFirst(YearMonth::compareTo)));
    return new Verification(intact, findings);
  }

  /** What verification found: the months that are intact, and every fault, by month. */
  public record Verification(List<YearMonth> intact, List<Finding> findings) {
    public boolean ok() {
      return findings.isEmpty();
    }
  }

  /** The snapshot holding a source's month in one repository, if the month has one. */
  public Optional<String> snapshot(LogSource source, YearMonth month, Repository repo, Signatures signatures) {
    return Chain.read(EvidenceStore.on(repo.storage()), source.id().value(), signatures).of(month)
        .map(l -> l.manifest().snapshot());
  }

  /** The files of a source on disk now, with their months: what the next run would archive. */
  public Collection collect(LogSource source, ZoneId zone) {
    return Collection.of(source, zone);
  }

  static String message(KhoException e) {
    return e.hint().isEmpty() ? e.getMessage() : e.getMessage() + " (" + e.hint() + ")";
  }
}
