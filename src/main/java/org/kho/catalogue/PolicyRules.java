package org.kho.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a policy table file: five levels, each no weaker than the regulations' floor. */
final class PolicyRules {
  private PolicyRules() {}

  private static String value(PolicySpec.LevelSpec l, String key) {
    Integer v = switch (key) {
      case "backupEveryDays" -> l.backupEveryDays();
      case "logKeepMonths" -> l.logKeepMonths();
      case "drillEveryMonths" -> l.drillEveryMonths();
      default -> l.copies();
    };
    return v == null ? null : v.toString();
  }

  /** A count of days or months that may not exceed the regulations' {@code floor}. */
  private static Optional<Integer> atMost(Checker c, Integer value, String pointer, int floor, String rule) {
    if (value != null && value > floor) {
      c.error(pointer, value + " is weaker than the regulations allow: they ask for " + rule,
          "use " + floor + " or less; a single item may depart from the rule with a written waiver");
      return Optional.empty();
    }
    return c.number(value, pointer, 1, floor, null);
  }

  /** A number of months that may not fall below the regulations' {@code floor}. */
  private static Optional<Integer> atLeast(Checker c, Integer value, String pointer, int floor, String rule) {
    if (value != null && value < floor) {
      c.error(pointer, value + " is weaker than the regulations allow: they ask for " + rule,
          "use " + floor + " or more; a single log source may depart from the rule with a written waiver");
      return Optional.empty();
    }
    return c.number(value, pointer, floor, 1200, null);
  }

  static Optional<PolicyTable> build(PolicySpec spec, Checker c) {
    Optional<String> version = c.required(spec.version(), "/version", "the policy table", "name the table, e.g. version: vn-2020.1");
    if (spec.levels() == null && c.where().has("/levels") && !c.where().isNull("/levels")) {
      return Optional.empty(); // 'levels' of the wrong type: already reported
    }
    Map<String, PolicySpec.LevelSpec> raw = spec.levels() == null ? Map.of() : spec.levels();
    Map<Integer, PolicyTable.Level> levels = new HashMap<>();
    for (int n = 1; n <= 5; n++) {
      PolicySpec.LevelSpec l = raw.get(Integer.toString(n));
      String at = "/levels/" + n;
      if (l == null) {
        c.error("/levels", "the policy table has no security level " + n, "give all five levels 1-5");
        continue;
      }
      PolicyTable.Level floor = PolicyTable.REGULATION_FLOOR;
      Optional<Integer> backup = atMost(c, l.backupEveryDays(), at + "/backupEveryDays", floor.backupEveryDays(),
          "backups at least every " + floor.backupEveryDays() + " days (monthly)");
      Optional<Integer> logs = atLeast(c, l.logKeepMonths(), at + "/logKeepMonths", floor.logKeepMonths(),
          "logs kept at least " + floor.logKeepMonths() + " months");
      Optional<Integer> drill = atMost(c, l.drillEveryMonths(), at + "/drillEveryMonths", floor.drillEveryMonths(),
          "a restore test at least every " + floor.drillEveryMonths() + " months");
      Optional<Integer> copies = c.number(l.copies(), at + "/copies", 1, 10, null);
      Optional<Integer> offsite = c.number(l.offsiteCopies(), at + "/offsiteCopies", 0, 10, 0);
      Optional<Integer> media = c.number(l.media(), at + "/media", 1, Media.values().length, 1);
      for (String key : List.of("backupEveryDays", "logKeepMonths", "drillEveryMonths", "copies")) {
        c.required(value(l, key), at + "/" + key, "level " + n + " of the policy table", "every level sets " + key);
      }
      if (backup.isEmpty() || logs.isEmpty() || drill.isEmpty() || copies.isEmpty() || offsite.isEmpty()
          || media.isEmpty()) {
        continue;
      }
      levels.put(n, new PolicyTable.Level(backup.get(), logs.get(), drill.get(), copies.get(), offsite.get(),
          media.get()));
    }
    raw.keySet().stream().filter(k -> !List.of("1", "2", "3", "4", "5").contains(k)).forEach(k ->
        c.error("/levels/" + k, "'" + k + "' is not a security level", "the levels are 1 to 5"));
    if (version.isEmpty() || levels.size() != 5) {
      return Optional.empty();
    }
    return Optional.of(new PolicyTable(version.get(), spec.basis() == null ? "" : spec.basis(), levels));
  }
}
