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
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/** Lists the actions a catalogue schedules in a window of time. */
public final class Planner {
  /** More runs than this of one action in one window are not listed (a guard against runaway output). */
  static final int MAX_RUNS_PER_ACTION = 10_000;

  private final Catalogue catalogue;

  public Planner(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every action due after {@code from} and up to {@code to}, in time order. */
  public List<PlannedAction> between(Instant from, Instant to) {
    List<PlannedAction> actions = new ArrayList<>();
    for (Item item : catalogue.items()) {
      item.schedule().ifPresent(s -> add(actions, from, to, s, PlannedAction.Kind.BACKUP, item.id().value(), item.targets()));
    }
    for (Target target : catalogue.targets()) {
      target.check().ifPresent(m -> add(actions, from, to, m.schedule(), PlannedAction.Kind.CHECK, target.id().value(), List.of(target.id())));
      target.prune().ifPresent(m -> add(actions, from, to, m.schedule(), PlannedAction.Kind.PRUNE, target.id().value(), List.of(target.id())));
    }
    for (DrillPlan drill : catalogue.drillPlans()) {
      add(actions, from, to, drill.schedule(), PlannedAction.Kind.DRILL, drill.id().value(), drillTargets(drill));
    }
    for (LogSource logs : catalogue.logSources()) {
      add(actions, from, to, logs.schedule(), PlannedAction.Kind.LOG_ARCHIVE, logs.id().value(), logs.targets());
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

  private void add(List<PlannedAction> actions, Instant from, Instant to, ScheduleId id, PlannedAction.Kind kind,
      String subject, List<TargetId> targets) {
    Schedule schedule = catalogue.schedule(id)
        .orElseThrow(() -> new IllegalStateException("schedule " + id + " is not in the catalogue"));
    Optional<ZonedDateTime> next = schedule.rule().nextAfter(from);
    for (int n = 0; n < MAX_RUNS_PER_ACTION && next.isPresent() && !next.get().toInstant().isAfter(to); n++) {
      actions.add(new PlannedAction(next.get(), kind, subject, id, targets, schedule.missedRuns()));
      next = schedule.rule().nextAfter(next.get().toInstant());
    }
  }
}
