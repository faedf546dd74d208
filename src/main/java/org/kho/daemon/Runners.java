package org.kho.daemon;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kho.app.CatalogueBackupService;
import org.kho.app.DrillService;
import org.kho.app.LogArchiveService;
import org.kho.app.TargetCheckService;
import org.kho.app.TargetPruneService;
import org.kho.backup.BackupProgress;
import org.kho.catalogue.Catalogue;
import org.kho.check.CheckProgress;
import org.kho.check.CheckResult;
import org.kho.core.KhoException;
import org.kho.drill.DrillProgress;
import org.kho.drill.DrillStatement;
import org.kho.plan.PlannedAction.Kind;
import org.kho.plan.ScheduledAction;
import org.kho.repository.PruneProgress;
import org.kho.repository.PruneReport;
import org.kho.repository.Snapshot;
import org.kho.state.Run;

/**
 * The table of what runs each kind of catalogue action: one entry per kind, each calling one
 * {@code app} service and mapping its result to a {@link ActionRunner.Result}. Backups, target
 * checks, target prunes (forget per the catalogue's retention, then prune), restore drills and log
 * archives run; a kind without an entry is not scheduled (the daemon says so at start-up).
 */
final class Runners {
  private final Map<Kind, ActionRunner> table;

  Runners(Map<Kind, ActionRunner> table) {
    this.table = Map.copyOf(table);
  }

  /** The runners of this version of Kho. */
  static Runners standard(Clock clock, String program, Map<String, String> env) {
    Map<Kind, ActionRunner> table = new EnumMap<>(Kind.class);
    CatalogueBackupService backups = new CatalogueBackupService(clock, program, env);
    table.put(Kind.BACKUP, (catalogue, action) -> backup(backups, catalogue, action));
    TargetCheckService checks = new TargetCheckService(clock, env);
    table.put(Kind.CHECK, (catalogue, action) -> check(checks, catalogue, action));
    TargetPruneService prunes = new TargetPruneService(clock, env);
    table.put(Kind.PRUNE, (catalogue, action) -> prune(prunes, catalogue, action));
    DrillService drills = new DrillService(clock, env);
    table.put(Kind.DRILL, (catalogue, action) -> drill(drills, catalogue, action));
    LogArchiveService logs = new LogArchiveService(clock, program, env);
    table.put(Kind.LOG_ARCHIVE, (catalogue, action) -> LogRuns.archive(logs, catalogue, action));
    return new Runners(table);
  }

  Optional<ActionRunner> runner(Kind kind) {
    return Optional.ofNullable(table.get(kind));
  }

  boolean supports(Kind kind) {
    return table.containsKey(kind);
  }

  private static ActionRunner.Result backup(CatalogueBackupService service, Catalogue catalogue,
      ScheduledAction action) {
    CatalogueBackupService.Outcome result = service.run(catalogue, List.of(action.subject()), Optional.empty(),
        BackupProgress.NONE);
    List<CatalogueBackupService.Run> runs = result.runs();
    long files = 0;
    long bytes = 0;
    long added = 0;
    List<String> done = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<ActionRunner.Evidence> evidence = new ArrayList<>();
    boolean complete = true;
    for (CatalogueBackupService.HookFailure hook : result.hooks()) {
      errors.add(hook.phase() + " hook '" + hook.hook() + "': " + message(hook.failure()));
    }
    for (CatalogueBackupService.Run run : runs) {
      if (run.failure() != null) {
        errors.add(run.target() + ": " + message(run.failure()));
        continue;
      }
      Snapshot.Summary s = run.result().snapshot().snapshot().summary();
      files += s.files();
      bytes += s.bytes();
      added += s.bytesAdded();
      complete &= run.result().complete();
      String id = run.result().snapshot().id();
      done.add(run.target() + ": snapshot " + id.substring(0, Math.min(8, id.length())));
      evidence.add(new ActionRunner.Evidence("snapshot", run.target().value(), id, run.result().signed()));
      if (!run.result().complete()) {
        errors.add(run.target() + ": " + run.result().snapshot().snapshot().problems().size() + " files not saved");
      }
    }
    Run.Outcome outcome = result.failed() ? Run.Outcome.FAILED
        : complete ? Run.Outcome.SUCCEEDED : Run.Outcome.INCOMPLETE;
    return new ActionRunner.Result(new Run.End(outcome, new Run.Figures(files, bytes, added),
        String.join("; ", done), String.join("; ", errors)), evidence);
  }

  private static ActionRunner.Result check(TargetCheckService service, Catalogue catalogue, ScheduledAction action) {
    CheckResult r = service.check(catalogue, action.subject(), action.readPercent(), CheckProgress.NONE);
    String detail = r.snapshots() + " snapshots, " + r.packs() + " packs, " + r.packsRead() + " read";
    String errors = r.errors().stream().map(CheckResult.Finding::what).collect(Collectors.joining("; "));
    return new ActionRunner.Result(new Run.End(r.ok() ? Run.Outcome.SUCCEEDED : Run.Outcome.FAILED,
        new Run.Figures(0, r.bytesRead(), 0), detail, errors), List.of());
  }

  private static ActionRunner.Result prune(TargetPruneService service, Catalogue catalogue, ScheduledAction action) {
    TargetPruneService.Outcome o = service.run(catalogue, action.subject(), PruneProgress.NONE);
    PruneReport r = o.prune();
    List<String> errors = new ArrayList<>();
    o.forgets().stream().filter(f -> f.failure() != null)
        .forEach(f -> errors.add("forget " + f.item() + ": " + message(f.failure())));
    String detail = o.forgotten() + " snapshots forgotten, " + r.deletedPacks() + " packs deleted, " + r.waiting()
        + " condemned packs waiting" + r.postponed().stream().map(p -> "; postponed: " + p).collect(Collectors.joining())
        + (r.leftoverFiles() > 0 ? "; " + r.leftoverFiles() + " leftover temporary files removed" : "");
    return new ActionRunner.Result(new Run.End(errors.isEmpty() ? Run.Outcome.SUCCEEDED : Run.Outcome.INCOMPLETE,
        new Run.Figures(0, r.deletedBytes(), 0), detail, String.join("; ", errors)), List.of());
  }

  /**
   * A scheduled drill, as {@code kho drill run PLAN} without names; the daemon records the run and
   * keeps the signed report in the evidence index (the report, not this run, says PASSED/WARNED/FAILED).
   */
  private static ActionRunner.Result drill(DrillService service, Catalogue catalogue, ScheduledAction action) {
    DrillService.Result r = service.run(catalogue, new DrillService.Request(action.subject(), Optional.empty(),
        Optional.empty(), Optional.empty()), Optional.empty(), DrillProgress.NONE);
    DrillStatement s = r.statement();
    long files = s.items().stream().mapToLong(DrillStatement.Item::filesVerified).sum();
    long bytes = s.items().stream().mapToLong(DrillStatement.Item::bytesVerified).sum();
    List<ActionRunner.Evidence> evidence = r.records().keySet().stream()
        .map(t -> new ActionRunner.Evidence(DrillService.KIND, t, s.id(), true, Optional.of(r.envelope()))).toList();
    return new ActionRunner.Result(new Run.End(s.outcome() == DrillStatement.Outcome.FAILED ? Run.Outcome.FAILED
        : Run.Outcome.SUCCEEDED, new Run.Figures(files, bytes, 0), s.id() + " " + s.outcome(),
        String.join("; ", s.reasons())), evidence);
  }

  static String message(Exception e) {
    return e instanceof KhoException k && !k.hint().isEmpty() ? k.getMessage() + " (" + k.hint() + ")" : String.valueOf(e.getMessage());
  }
}
