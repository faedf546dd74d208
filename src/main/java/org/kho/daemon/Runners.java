package org.kho.daemon;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kho.app.CatalogueBackupService;
import org.kho.app.TargetCheckService;
import org.kho.backup.BackupProgress;
import org.kho.catalogue.Catalogue;
import org.kho.check.CheckProgress;
import org.kho.check.CheckResult;
import org.kho.core.KhoException;
import org.kho.plan.PlannedAction.Kind;
import org.kho.plan.ScheduledAction;
import org.kho.repository.Snapshot;
import org.kho.state.Run;

/**
 * The table of what runs each kind of catalogue action: one entry per kind, each calling one
 * {@code app} service. A kind without an entry is not scheduled (the daemon says so at start-up).
 *
 * <p>Prune, restore drills and log archives join here when their services land: add
 * {@code table.put(Kind.PRUNE, ...)} (and DRILL, LOG_ARCHIVE) calling the service, mapping its
 * result to a {@link ActionRunner.Result}.
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

  static String message(Exception e) {
    return e instanceof KhoException k && !k.hint().isEmpty() ? k.getMessage() + " (" + k.hint() + ")" : String.valueOf(e.getMessage());
  }
}
