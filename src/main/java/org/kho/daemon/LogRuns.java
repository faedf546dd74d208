package org.kho.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.app.LogArchiveService;
import org.kho.backup.BackupProgress;
import org.kho.catalogue.Catalogue;
import org.kho.core.TargetId;
import org.kho.logarchive.LogArchive;
import org.kho.logarchive.MonthRun;
import org.kho.plan.ScheduledAction;
import org.kho.state.Run;

/**
 * The log-archive runner: archives the closed months of one log source as {@code kho logs archive
 * SOURCE} does without flags (originals are never deleted by the daemon), and records each month
 * written (its snapshot and signed manifest) as evidence.
 */
final class LogRuns {
  private LogRuns() {}

  static ActionRunner.Result archive(LogArchiveService service, Catalogue catalogue, ScheduledAction action) {
    var request = new LogArchiveService.ArchiveRequest(List.of(action.subject()), Optional.empty(), false, false,
        Optional.empty());
    Tally tally = new Tally();
    service.archive(catalogue, request, BackupProgress.NONE).forEach(tally::add);
    return tally.result();
  }

  /** What the months of one run add up to. */
  private static final class Tally {
    long files;
    long bytes;
    boolean failed;
    boolean incomplete;
    final List<String> done = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<ActionRunner.Evidence> evidence = new ArrayList<>();

    void add(LogArchive.SourceRun run) {
      for (Map.Entry<TargetId, List<MonthRun>> t : run.targets().entrySet()) {
        String target = t.getKey().value();
        for (MonthRun m : t.getValue()) {
          month(target, m);
        }
      }
    }

    private void month(String target, MonthRun m) {
      switch (m.outcome()) {
        case FAILED -> {
          failed = true;
          errors.add(target + " " + m.month() + ": " + m.failure());
          return;
        }
        case ALREADY -> {
          return;
        }
        default -> done.add(target + ": " + m.month() + " " + m.outcome().name().toLowerCase(java.util.Locale.ROOT));
      }
      files += m.files();
      bytes += m.bytes();
      if (m.snapshot() != null) {
        evidence.add(new ActionRunner.Evidence("snapshot", target, m.snapshot(), true));
      }
      if (m.manifest() != null) {
        evidence.add(new ActionRunner.Evidence("log-manifest", target, m.manifest(), true));
      }
      if (!m.problems().isEmpty()) {
        incomplete = true;
        errors.add(target + " " + m.month() + ": " + m.problems().size() + " files not stored as they were");
      }
    }

    ActionRunner.Result result() {
      Run.Outcome outcome = failed ? Run.Outcome.FAILED : incomplete ? Run.Outcome.INCOMPLETE : Run.Outcome.SUCCEEDED;
      String detail = done.isEmpty() ? "up to date: no closed month was due" : String.join("; ", done);
      return new ActionRunner.Result(new Run.End(outcome, new Run.Figures(files, bytes, 0), detail,
          String.join("; ", errors)), evidence);
    }
  }
}
