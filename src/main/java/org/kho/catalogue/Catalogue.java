package org.kho.catalogue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * A validated config directory: the agency, its policy table, targets, items, schedules, drill
 * plans, log sources, disposal defaults, where the agency signing key is, and whom the daemon
 * tells. Every reference in it
 * resolves; build one with {@link CatalogueLoader#load}.
 */
public record Catalogue(Path directory, Agency agency, PolicyTable policy, List<Target> targets,
    List<Item> items, List<Schedule> schedules, List<DrillPlan> drillPlans, List<LogSource> logSources,
    Disposal disposal, java.util.Optional<SecretRef> signingKey, Notifications notifications) {

  /** Who the catalogue belongs to, as printed on reports. */
  public record Agency(String name, String unit, String contact) {}

  /** Copies the lists. */
  public Catalogue {
    targets = List.copyOf(targets);
    items = List.copyOf(items);
    schedules = List.copyOf(schedules);
    drillPlans = List.copyOf(drillPlans);
    logSources = List.copyOf(logSources);
  }

  public Optional<Target> target(TargetId id) {
    return targets.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<Item> item(ItemId id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Optional<Schedule> schedule(ScheduleId id) {
    return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<DrillPlan> drillPlan(DrillPlanId id) {
    return drillPlans.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The drill plans that cover {@code item}: those listing it and the one it names. */
  public List<DrillPlan> drillsFor(Item item) {
    return drillPlans.stream()
        .filter(d -> d.items().contains(item.id()) || item.drill().map(d.id()::equals).orElse(false))
        .toList();
  }
}
