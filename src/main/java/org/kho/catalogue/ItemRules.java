package org.kho.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.CatalogueSpec.CommandSpec;
import org.kho.catalogue.CatalogueSpec.ItemSpec;
import org.kho.catalogue.CatalogueSpec.RetentionSpec;
import org.kho.catalogue.CatalogueSpec.SourceSpec;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/** Checks one entry of {@code items:} and builds its {@link Item}. */
final class ItemRules {
  private ItemRules() {}

  /** The names other files refer to, for resolving references. */
  record Names(Map<String, TargetId> targets, Map<String, ScheduleId> schedules, Map<String, DrillPlanId> drills) {}

  static Optional<Item> build(ItemSpec s, String at, Checker c, Names names) {
    Optional<ItemId> id = c.id(s.id(), at + "/id", "an item", ItemId::new);
    String owner = "item '" + id.map(ItemId::value).orElse("?") + "'";
    Optional<String> name = c.required(s.name(), at + "/name", owner, "a name people recognise, e.g. name: HR database");
    Optional<String> dataOwner = c.required(s.owner(), at + "/owner", owner, "the unit or person responsible for the data");
    Optional<Integer> level = c.securityLevel(s.securityLevel(), at + "/securityLevel", owner, "the system holding the data");
    List<Source> sources = sources(s.sources(), at + "/sources", c, owner);
    Hooks hooks = hooks(s, at, c);
    List<TargetId> targets = targets(s.targets(), at + "/targets", c, owner, names);
    Optional<ScheduleId> schedule = c.reference(s.schedule(), at + "/schedule", "schedule", names.schedules());
    Optional<Retention> retention = retention(s.retention(), at + "/retention", c, owner);
    Optional<Item.BackupMethod> method = c.choice(s.method(), at + "/method", Item.BackupMethod.class, Item.BackupMethod.INCREMENTAL);
    Optional<DrillPlanId> drill = c.reference(s.drill(), at + "/drill", "drill plan", names.drills());
    var rto = c.duration(s.rto(), at + "/rto");
    var rpo = c.duration(s.rpo(), at + "/rpo");
    Map<PolicyRule, String> waivers = c.waivers(s.waivers(), at + "/waivers");
    boolean complete = id.isPresent() && name.isPresent() && dataOwner.isPresent() && level.isPresent()
        && !sources.isEmpty() && !targets.isEmpty() && retention.isPresent() && method.isPresent()
        && (s.schedule() == null || schedule.isPresent()) && (s.drill() == null || drill.isPresent());
    if (!complete) {
      return Optional.empty();
    }
    return Optional.of(new Item(id.get(), name.get(), s.description() == null ? "" : s.description(), dataOwner.get(),
        level.get(), sources, hooks, targets, schedule, retention.get(), method.get(), drill, rto, rpo, waivers,
        Optional.ofNullable(s.allowSameDevice()).filter(r -> !r.isBlank())));
  }

  private static List<Source> sources(List<SourceSpec> specs, String at, Checker c, String owner) {
    if (specs == null || specs.isEmpty()) {
      c.required(null, at, owner, "list what to back up: - path: /srv/data, or - command: [pg_dump, -Fc, db]");
      return List.of();
    }
    List<Source> sources = new ArrayList<>();
    boolean allGood = true;
    for (int i = 0; i < specs.size(); i++) {
      Optional<Source> source = source(specs.get(i), at + "/" + i, c, owner);
      source.ifPresent(sources::add);
      allGood &= source.isPresent();
    }
    return allGood ? sources : List.of();
  }

  private static Optional<Source> source(SourceSpec s, String at, Checker c, String owner) {
    if (s == null) {
      c.error(at, "empty source in " + owner, "write - path: /srv/data or - command: [...]");
      return Optional.empty();
    }
    boolean isCommand = s.command() != null || s.shell() != null;
    if ((s.path() == null) == !isCommand) {
      c.error(at, "a source of " + owner + (isCommand ? " has both 'path' and a command" : " has neither 'path' nor 'command'"),
          "a source is either files (path:) or a command's output (command: or shell:)");
      return Optional.empty();
    }
    if (s.path() != null) {
      if (s.name() != null || s.timeout() != null || s.env() != null) {
        c.error(at + (s.name() != null ? "/name" : s.timeout() != null ? "/timeout" : "/env"),
            "'name', 'timeout' and 'env' belong to command sources", "remove it");
      }
      Optional<Path> path = c.absolutePath(s.path(), at + "/path");
      return path.map(p -> new Source.Files(p, list(s.include()), list(s.exclude())));
    }
    if (s.include() != null || s.exclude() != null) {
      c.error(at, "'include' and 'exclude' belong to path sources", "remove them from the command source");
    }
    Optional<String> name = c.required(s.name(), at + "/name", "the command source of " + owner,
        "the file name the output is stored as, e.g. name: hr.dump");
    Optional<CommandLine> command = c.command(new CommandSpec(s.name(), s.command(), s.shell(), s.timeout(), s.env()), at, "the source");
    if (name.isPresent() && name.get().contains("/")) {
      c.error(at + "/name", "'" + name.get() + "' must be a file name, without '/'", "e.g. name: hr.dump");
      return Optional.empty();
    }
    return name.flatMap(n -> command.map(cmd -> new Source.Command(cmd, n)));
  }

  private static Hooks hooks(ItemSpec s, String at, Checker c) {
    if (s.hooks() == null) {
      return Hooks.NONE;
    }
    return new Hooks(commands(s.hooks().pre(), at + "/hooks/pre", c, "pre hook"),
        commands(s.hooks().post(), at + "/hooks/post", c, "post hook"));
  }

  private static List<CommandLine> commands(List<CommandSpec> specs, String at, Checker c, String what) {
    List<CommandLine> result = new ArrayList<>();
    for (int i = 0; specs != null && i < specs.size(); i++) {
      c.command(specs.get(i), at + "/" + i, what + " " + (i + 1)).ifPresent(result::add);
    }
    return result;
  }

  private static List<TargetId> targets(List<String> raw, String at, Checker c, String owner, Names names) {
    if (raw == null || raw.isEmpty()) {
      c.required(null, at, owner, "name the target(s) the backups go to, e.g. targets: [nas]");
      return List.of();
    }
    List<TargetId> targets = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i);
      if (name != null && raw.subList(0, i).contains(name)) {
        c.error(at + "/" + i, "target '" + name + "' is listed twice", "a second copy must go to a different target");
        continue;
      }
      c.reference(name, at + "/" + i, "target", names.targets()).ifPresent(targets::add);
    }
    return targets.size() == raw.size() ? targets : List.of();
  }

  private static Optional<Retention> retention(RetentionSpec r, String at, Checker c, String owner) {
    if (r == null) {
      c.required(null, at, owner, "say how long backups are kept, e.g. retention: {daily: 7, monthly: 12}");
      return Optional.empty();
    }
    int[] counts = new int[6];
    Integer[] raw = {r.last(), r.hourly(), r.daily(), r.weekly(), r.monthly(), r.yearly()};
    String[] keys = {"last", "hourly", "daily", "weekly", "monthly", "yearly"};
    boolean ok = true;
    for (int i = 0; i < raw.length; i++) {
      Optional<Integer> n = c.number(raw[i], at + "/" + keys[i], 0, 100_000, 0);
      ok &= n.isPresent();
      counts[i] = n.orElse(0);
    }
    var within = c.period(r.within(), at + "/within");
    if (!ok || (r.within() != null && within.isEmpty())) {
      return Optional.empty();
    }
    if (java.util.Arrays.stream(counts).allMatch(n -> n == 0) && within.isEmpty()) {
      c.error(at, "the retention of " + owner + " keeps nothing", "set at least one of last, daily, weekly, monthly, yearly or within");
      return Optional.empty();
    }
    return Optional.of(new Retention(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], within));
  }

  static List<String> list(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
  }
}
