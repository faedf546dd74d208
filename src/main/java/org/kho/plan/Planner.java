package org.kho.plan;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.Item;
import org.kho.catalogue.LogSource;
import org.kho.catalogue.Schedule;
import org.kho.catalogue.Target;
import org.kho.core.TargetId;

/** Lists the actions a catalogue schedules in a window of time. */
public final class Planner {
  /** More runs than this of one action in one window are not listed (a guard against runaway output). */
  static final int MAX_RUNS_PER_ACTION = 10_000;

  private final Catalogue catalogue;

  public Planner(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every action the catalogue schedules, in catalogue order: backups, checks, prunes, drills, log archives. */
  public List<ScheduledAction> actions() {
    List<ScheduledAction> actions = new ArrayList<>();
    for (Item item : catalogue.items()) {
      item.schedule().ifPresent(s -> actions.add(
          new ScheduledAction(PlannedAction.Kind.BACKUP, item.id().value(), s, item.targets(), 0)));
    }
    for (Target target : catalogue.targets()) {
      target.check().ifPresent(m -> actions.add(new ScheduledAction(PlannedAction.Kind.CHECK, target.id().value(),
          m.schedule(), List.of(target.id()), m.readDataPercent())));
      target.prune().ifPresent(m -> actions.add(new ScheduledAction(PlannedAction.Kind.PRUNE, target.id().value(),
          m.schedule(), List.of(target.id()), 0)));
    }
    for (DrillPlan drill : catalogue.drillPlans()) {
      actions.add(new ScheduledAction(PlannedAction.Kind.DRILL, drill.id().value(), drill.schedule(),
          drillTargets(drill), 0));
    }
    for (LogSource logs : catalogue.logSources()) {
      actions.add(new ScheduledAction(PlannedAction.Kind.LOG_ARCHIVE, logs.id().value(), logs.schedule(),
          logs.targets(), 0));
    }
    return actions;
  }

  /** The schedule of {@code action}. */
  public Schedule schedule(ScheduledAction action) {
    return catalogue.schedule(action.schedule())
        .orElseThrow(() -> new IllegalStateException("schedule " + action.schedule() + " is not in the catalogue"));
  }

  /** Every action due after {@code from} and up to {@code to}, in time order. */
  public List<PlannedAction> between(Instant from, Instant to) {
    List<PlannedAction> actions = new ArrayList<>();
    for (ScheduledAction action : actions()) {
      add(actions, from, to, action);
    }
    actions.sort(Comparator.comparing((PlannedAction a) -> a.at().toInstant())
        .thenComparing(a -> a.kind().ordinal())
        .thenComparing(PlannedAction::subject));
    return actions;
  }

  private List<TargetId> drillTargets(DrillPlan drill) {
    return catalogue.items().stream()
        .filter(i -> catalogue.drillsFor(i).contains(drill))
        .flatMap(i -> i.targets().stream().limit(1))
        .distinct()
        .toList();
  }

  private void add(List<PlannedAction> actions, Instant from, Instant to, ScheduledAction action) {
    Schedule schedule = schedule(action);
    Optional<ZonedDateTime> next = schedule.rule().nextAfter(from);
    for (int n = 0; n < MAX_RUNS_PER_ACTION && next.isPresent() && !next.get().toInstant().isAfter(to); n++) {
      actions.add(new PlannedAction(next.get(), action.kind(), action.subject(), action.schedule(), action.targets(),
          schedule.missedRuns()));
      next = schedule.rule().nextAfter(next.get().toInstant());
    }
  }
}
