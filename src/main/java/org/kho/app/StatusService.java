package org.kho.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Item;
import org.kho.catalogue.Schedule;
import org.kho.plan.Due;
import org.kho.plan.Freshness;
import org.kho.plan.PlannedAction;
import org.kho.state.Run;
import org.kho.state.StateStore;

/** {@code kho status}: for each item, its last runs, its next run, and whether it needs a person. */
public final class StatusService {
  private static final String BACKUP = PlannedAction.Kind.BACKUP.label();
  /** Runs in the order they started; ids break ties (they grow with every run). */
  private static final Comparator<Run> LATER = Comparator.comparing(Run::startedAt).thenComparingLong(Run::id);

  private final Clock clock;

  public StatusService(Clock clock) {
    this.clock = clock;
  }

  /**
   * One item's status.
   *
   * @param failing the last run failed (or was interrupted) after the last success
   * @param overdue the last success is older than the item's schedule allows, or there is none
   * @param copies how many targets hold a copy (the item's targets)
   * @param lastDrill when a restore drill last proved the item restores; empty: never
   */
  public record ItemStatus(String item, String name, Optional<Run> lastSuccess, Optional<Run> lastFailure,
      boolean running, Optional<ZonedDateTime> nextRun, boolean overdue, Optional<Instant> dueBy, boolean failing,
      int copies, Optional<Instant> lastDrill) {

    public boolean needsAttention() {
      return overdue || failing;
    }
  }

  /** Every item's status at {@code at}. */
  public record Report(Instant at, String state, List<ItemStatus> items) {
    public boolean needsAttention() {
      return items.stream().anyMatch(ItemStatus::needsAttention);
    }
  }

  public Report status(Catalogue catalogue, StateStore state) {
    Instant now = clock.instant();
    List<ItemStatus> items = new ArrayList<>();
    for (Item item : catalogue.items()) {
      items.add(item(catalogue, state, item, now));
    }
    return new Report(now, state.location().describe(), items);
  }

  private static ItemStatus item(Catalogue catalogue, StateStore state, Item item, Instant now) {
    String id = item.id().value();
    Optional<Run> success = state.runs().last(BACKUP, id, Run.Outcome.SUCCEEDED, Run.Outcome.INCOMPLETE);
    Optional<Run> failure = state.runs().last(BACKUP, id, Run.Outcome.FAILED, Run.Outcome.INTERRUPTED);
    boolean running = state.runs().last(BACKUP, id, Run.Outcome.RUNNING).isPresent();
    Optional<Schedule> schedule = item.schedule().flatMap(catalogue::schedule);
    Optional<ZonedDateTime> next = schedule.flatMap(s -> s.rule().nextAfter(now));
    Freshness.Verdict verdict = schedule.isEmpty()
        ? new Freshness.Verdict(false, Optional.empty())
        : Freshness.at(now, success.map(Run::startedAt), Due.frequency(schedule.get().rule(), now));
    boolean failing = failure.isPresent() && (success.isEmpty() || LATER.compare(failure.get(), success.get()) > 0);
    return new ItemStatus(id, item.name(), success, failure, running, next, verdict.overdue(), verdict.dueBy(),
        failing, item.targets().size(), lastDrill(catalogue, state, item));
  }

  /** When a drill of a plan covering {@code item} last passed (or warned): the newest succeeded drill run. */
  private static Optional<Instant> lastDrill(Catalogue catalogue, StateStore state, Item item) {
    return catalogue.drillsFor(item).stream()
        .flatMap(p -> state.runs().last(DrillService.KIND, p.id().value(), Run.Outcome.SUCCEEDED).stream())
        .map(Run::startedAt).max(java.util.Comparator.naturalOrder());
  }
}
