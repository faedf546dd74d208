package org.kho.daemon;

import java.time.Instant;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.core.KhoException;
import org.kho.plan.Due;
import org.kho.plan.Planner;
import org.kho.plan.ScheduledAction;
import org.kho.state.Run;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One firing of one catalogue action: finds its runner, waits for room on its targets, runs it,
 * and records the run, its evidence and an audit entry. One job per action (its key names it), so
 * an action never runs twice at once, on this daemon or, through the shared job store, any other.
 */
@DisallowConcurrentExecution
final class ActionJob implements Job {
  static final String ACTION = "action";
  private static final Logger LOG = LoggerFactory.getLogger(ActionJob.class);

  private final JobContext context;

  ActionJob(JobContext context) {
    this.context = context;
  }

  @Override
  public void execute(JobExecutionContext quartz) {
    String key = quartz.getMergedJobDataMap().getString(ACTION);
    if (stopping(quartz)) {
      LOG.info("{}: not started, the daemon is stopping", key);
      return;
    }
    Catalogue catalogue = context.catalogue().get();
    Optional<ScheduledAction> found = context.action(key);
    if (found.isEmpty()) {
      LOG.warn("{} is no longer in the catalogue; not run", key);
      return;
    }
    ScheduledAction action = found.get();
    Optional<ActionRunner> runner = context.runners().runner(action.kind());
    if (runner.isEmpty()) {
      LOG.warn("{}: this version of Kho cannot run {} actions yet; not run", key, action.kind().label());
      return;
    }
    Instant fired = Optional.ofNullable(quartz.getScheduledFireTime()).orElse(quartz.getFireTime()).toInstant();
    Instant missed = context.missed().remove(key);
    boolean catchUp = missed != null
        && (fired.isBefore(context.startedAt()) || !Due.isDue(new Planner(catalogue).schedule(action).rule(), fired));
    Run.Cause cause = quartz.isRecovering() ? Run.Cause.RECOVERY : catchUp ? Run.Cause.CATCH_UP : Run.Cause.SCHEDULED;
    Optional<Instant> scheduledFor = Optional.of(quartz.isRecovering() ? original(quartz, fired)
        : catchUp ? missed : fired);
    if (cause == Run.Cause.RECOVERY) {
      context.state().runs().interrupted(action.kind().label(), action.subject(), Optional.empty(),
          "the daemon running it stopped; run again by " + context.node());
    }
    run(catalogue, action, runner.get(), new Run.Start(action.kind().label(), action.subject(), cause, scheduledFor,
        context.node()));
  }

  private void run(Catalogue catalogue, ScheduledAction action, ActionRunner runner, Run.Start start) {
    Instant startedAt = context.clock().instant();
    long id = context.state().runs().start(start);
    Run running = new Run(id, start.action(), start.subject(), start.cause(), start.scheduledFor(), startedAt,
        Optional.empty(), Run.Outcome.RUNNING, start.node(), Run.Figures.NONE, "", "");
    context.listener().started(running);
    LOG.info("{} {} started ({}{})", start.action(), start.subject(), start.cause().label(),
        start.scheduledFor().map(t -> ", due " + t).orElse(""));
    ActionRunner.Result result = attempt(catalogue, action, runner);
    // evidence first: whoever sees the run finished finds its records indexed
    for (ActionRunner.Evidence e : result.evidence()) {
      context.state().evidence().add(e.kind(), action.subject(), e.target(), e.reference(), e.signed(), Optional.of(id),
          e.document());
    }
    context.state().runs().finish(id, result.end());
    Run.End end = result.end();
    context.state().audit().append(context.actor(), start.action(), start.subject(),
        end.outcome().label() + " (" + start.cause().label() + start.scheduledFor().map(t -> ", due " + t).orElse("")
            + ")" + (end.detail().isEmpty() ? "" : ": " + end.detail())
            + (end.error().isEmpty() ? "" : "; " + end.error()));
    Run finished = new Run(id, start.action(), start.subject(), start.cause(), start.scheduledFor(), startedAt,
        Optional.of(context.clock().instant()), end.outcome(), start.node(), end.figures(), end.detail(), end.error());
    log(finished);
    context.listener().finished(finished);
  }

  private ActionRunner.Result attempt(Catalogue catalogue, ScheduledAction action, ActionRunner runner) {
    try (TargetLimits.Held held = context.limits().acquire(action.targets())) {
      return runner.run(catalogue, action);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("stopped before it started: the daemon is shutting down");
    } catch (KhoException e) {
      return failed(Runners.message(e));
    } catch (RuntimeException e) {
      LOG.error("{}: a bug in Kho", action.key(), e);
      return failed("a bug in Kho: " + e);
    }
  }

  private static ActionRunner.Result failed(String error) {
    return new ActionRunner.Result(new Run.End(Run.Outcome.FAILED, Run.Figures.NONE, "", error), java.util.List.of());
  }

  private static void log(Run run) {
    switch (run.outcome()) {
      case SUCCEEDED -> LOG.info("{} {} succeeded: {}", run.action(), run.subject(), run.detail());
      case INCOMPLETE -> LOG.warn("{} {} incomplete: {}", run.action(), run.subject(), run.error());
      default -> LOG.error("{} {} {}: {}", run.action(), run.subject(), run.outcome().label(), run.error());
    }
  }

  private static boolean stopping(JobExecutionContext quartz) {
    try {
      return quartz.getScheduler().isInStandbyMode() || quartz.getScheduler().isShutdown();
    } catch (org.quartz.SchedulerException e) {
      return true;
    }
  }

  /** For a run recovered from a dead daemon: when the schedule wanted the run that died. */
  private static Instant original(JobExecutionContext quartz, Instant fallback) {
    String original = quartz.getMergedJobDataMap()
        .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
    return original == null ? fallback : Instant.ofEpochMilli(Long.parseLong(original));
  }
}
