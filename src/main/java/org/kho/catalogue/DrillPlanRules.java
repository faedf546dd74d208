package org.kho.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/** Checks one restore-drill plan file and builds its {@link DrillPlan}. */
final class DrillPlanRules {
  private DrillPlanRules() {}

  /**
   * What catalogue.yaml says of its items, as written, for the checks that span both files.
   *
   * @param targets each item's targets
   * @param drills each item's {@code drill:} plan, for the items that name one
   */
  record ItemLinks(Map<String, List<String>> targets, Map<String, String> drills) {
    /** The items a plan drills: those it lists and those that name it. */
    Set<String> drilledBy(DrillPlanId plan, List<String> listed) {
      Set<String> items = new LinkedHashSet<>(listed);
      drills.forEach((item, drill) -> {
        if (plan.value().equals(drill)) {
          items.add(item);
        }
      });
      return items;
    }
  }

  /**
   * @param items the catalogue's item ids, or null when catalogue.yaml cannot be read
   * @param links the catalogue's items' targets and plans, or null when catalogue.yaml cannot be read
   */
  static Optional<DrillPlan> build(DrillPlanId id, DrillPlanSpec spec, Checker c,
      Map<String, ScheduleId> schedules, Map<String, ItemId> items, Map<String, TargetId> targets, ItemLinks links) {
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
    List<VerifyStep> verify = new ArrayList<>();
    List<DrillPlanSpec.StepSpec> steps = spec.verify() == null ? List.of() : spec.verify();
    for (int i = 0; i < steps.size(); i++) {
      step(steps.get(i), "/verify/" + i, "verification step " + (i + 1), c).ifPresent(verify::add);
    }
    Optional<List<TargetId>> from = targets(spec.targets(), c, targets);
    if (links != null && from.isPresent() && !from.get().isEmpty()) {
      reachable(id, from.get(), links.drilledBy(id, rawItems), links, c);
    }
    Optional<DrillPlan.TargetMode> mode =
        c.choice(spec.targetMode(), "/targetMode", DrillPlan.TargetMode.class, DrillPlan.TargetMode.ROTATE);
    var rto = c.duration(spec.rto(), "/rto");
    var rpo = c.duration(spec.rpo(), "/rpo");
    if (schedule.isEmpty() || snapshot.isEmpty() || percent.isEmpty() || scratch.isEmpty() || from.isEmpty() || mode.isEmpty()
        || verify.size() != steps.size() || (items != null && planItems.size() != rawItems.size())) {
      return Optional.empty();
    }
    String description = spec.description() == null ? "" : spec.description();
    return Optional.of(new DrillPlan(id, description, planItems, schedule.get(), snapshot.get(), percent.get(),
        sample.always() == null ? List.of() : sample.always(), scratch.get(), verify, rto, rpo, from.get(), mode.get()));
  }

  /** {@code targets:} absent or {@code all}: every target of each item (empty); else the ids listed. */
  private static Optional<List<TargetId>> targets(List<String> raw, Checker c, Map<String, TargetId> known) {
    if (raw == null || raw.equals(List.of("all"))) {
      return Optional.of(List.of());
    }
    List<TargetId> ids = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (known != null) {
        c.reference(raw.get(i), "/targets/" + i, "target", known).ifPresent(ids::add);
      }
    }
    return known != null && ids.size() != raw.size() ? Optional.empty() : Optional.of(ids);
  }

  /** Each drilled item must be kept on one of the targets the plan restores from, or its drill could never run. */
  private static void reachable(DrillPlanId id, List<TargetId> from, Set<String> drilled, ItemLinks links, Checker c) {
    List<String> allowed = from.stream().map(TargetId::value).toList();
    for (String item : drilled) {
      List<String> kept = links.targets().getOrDefault(item, List.of());
      if (kept.stream().noneMatch(allowed::contains)) {
        c.error("/targets", "drill plan '" + id + "' restores only from targets " + allowed + ", and item '" + item
            + "' is kept on none of them (its targets: " + kept + ")",
            "list one of the item's targets under targets:, write targets: all, or drill the item with another plan");
      }
    }
  }

  private static Optional<VerifyStep> step(DrillPlanSpec.StepSpec spec, String pointer, String owner, Checker c) {
    if (spec == null) {
      c.error(pointer, owner + " is empty", "write command: [...], shell: \"...\" or postgres: {dump: ..., query: ...}");
      return Optional.empty();
    }
    if (spec.postgres() == null) {
      return c.command(spec.asCommand(), pointer, owner).map(VerifyStep.Run::new);
    }
    if (spec.command() != null || spec.shell() != null) {
      c.error(pointer + "/postgres", owner + " has both 'postgres' and a command",
          "keep one: a step is either a command or a postgres check; write the other as a step of its own");
      return Optional.empty();
    }
    DrillPlanSpec.PostgresSpec pg = spec.postgres();
    Optional<String> dump = c.required(pg.dump(), pointer + "/postgres/dump", owner,
        "the restored dump's file name, e.g. dump: hr.dump (the name of the item's command source)");
    Optional<String> query = c.required(pg.query(), pointer + "/postgres/query", owner,
        "SQL to run in the restored database, e.g. query: \"select count(*) from staff\"");
    Optional<java.nio.file.Path> bin = pg.bin() == null ? Optional.empty() : c.absolutePath(pg.bin(), pointer + "/postgres/bin");
    Optional<java.time.Duration> timeout = spec.timeout() == null ? Optional.of(Checker.DEFAULT_COMMAND_TIMEOUT)
        : c.duration(spec.timeout(), pointer + "/timeout");
    var env = EnvRules.check(spec.env(), pointer + "/env", c);
    if (pg.atLeast() != null && pg.atLeast() < 0) {
      c.error(pointer + "/postgres/atLeast", "atLeast is negative (" + pg.atLeast() + ")", "give 0 or more, e.g. atLeast: 1");
      return Optional.empty();
    }
    if (dump.isEmpty() || query.isEmpty() || timeout.isEmpty() || env.isEmpty() || (pg.bin() != null && bin.isEmpty())) {
      return Optional.empty();
    }
    String name = spec.name() != null ? spec.name() : "restore " + dump.get() + " into a throw-away database and query it";
    return Optional.of(new VerifyStep.Postgres(name, dump.get(), query.get(),
        pg.atLeast() == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(pg.atLeast()), bin,
        timeout.get(), env.get()));
  }
}
