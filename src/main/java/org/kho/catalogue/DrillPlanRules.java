package org.kho.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;

/** Checks one restore-drill plan file and builds its {@link DrillPlan}. */
final class DrillPlanRules {
  private DrillPlanRules() {}

  static Optional<DrillPlan> build(DrillPlanId id, DrillPlanSpec spec, Checker c,
      Map<String, ScheduleId> schedules, Map<String, ItemId> items) {
    String owner = "drill plan '" + id + "'";
    Optional<ScheduleId> schedule = c.required(spec.schedule(), "/schedule", owner, "name a file in schedules/, e.g. schedule: quarterly")
        .flatMap(s -> c.reference(s, "/schedule", "schedule", schedules));
    List<ItemId> planItems = new ArrayList<>();
    List<String> rawItems = spec.items() == null ? List.of() : spec.items();
    for (int i = 0; i < rawItems.size(); i++) {
      if (items != null) {
        c.reference(rawItems.get(i), "/items/" + i, "item", items).ifPresent(planItems::add);
      }
    }
    Optional<DrillPlan.SnapshotChoice> snapshot =
        c.choice(spec.snapshot(), "/snapshot", DrillPlan.SnapshotChoice.class, DrillPlan.SnapshotChoice.LATEST);
    DrillPlanSpec.SampleSpec sample = spec.sample() == null ? new DrillPlanSpec.SampleSpec(100, List.of()) : spec.sample();
    Optional<Integer> percent = c.number(sample.percent(), "/sample/percent", 1, 100, 100);
    Optional<Path> scratch = c.required(spec.scratch(), "/scratch", owner, "a folder for restored data, e.g. /var/tmp/kho-drill")
        .flatMap(s -> c.absolutePath(s, "/scratch"));
    List<CommandLine> verify = new ArrayList<>();
    List<CatalogueSpec.CommandSpec> steps = spec.verify() == null ? List.of() : spec.verify();
    for (int i = 0; i < steps.size(); i++) {
      c.command(steps.get(i), "/verify/" + i, "verification step " + (i + 1)).ifPresent(verify::add);
    }
    var rto = c.duration(spec.rto(), "/rto");
    var rpo = c.duration(spec.rpo(), "/rpo");
    if (schedule.isEmpty() || snapshot.isEmpty() || percent.isEmpty() || scratch.isEmpty()
        || verify.size() != steps.size() || (items != null && planItems.size() != rawItems.size())) {
      return Optional.empty();
    }
    String description = spec.description() == null ? "" : spec.description();
    return Optional.of(new DrillPlan(id, description, planItems, schedule.get(), snapshot.get(), percent.get(),
        sample.always() == null ? List.of() : sample.always(), scratch.get(), verify, rto, rpo));
  }
}
