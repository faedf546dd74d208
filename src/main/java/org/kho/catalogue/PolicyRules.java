package org.kho.catalogue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Checks a policy table file: five levels, each no weaker than the regulations' floor. */
final class PolicyRules {
  private PolicyRules() {}

  static Optional<PolicyTable> build(PolicySpec spec, Checker c) {
    Optional<String> version = c.required(spec.version(), "/version", "the policy table", "name the table, e.g. version: vn-2020.1");
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
      Optional<Integer> backup = c.number(l.backupEveryDays(), at + "/backupEveryDays", 1, floor.backupEveryDays(), null);
      Optional<Integer> logs = c.number(l.logKeepMonths(), at + "/logKeepMonths", floor.logKeepMonths(), 1200, null);
      Optional<Integer> drill = c.number(l.drillEveryMonths(), at + "/drillEveryMonths", 1, floor.drillEveryMonths(), null);
      Optional<Integer> copies = c.number(l.copies(), at + "/copies", 1, 10, null);
      Optional<Integer> offsite = c.number(l.offsiteCopies(), at + "/offsiteCopies", 0, 10, 0);
      if (backup.isEmpty() || logs.isEmpty() || drill.isEmpty() || copies.isEmpty() || offsite.isEmpty()) {
        if (l.backupEveryDays() == null || l.logKeepMonths() == null || l.drillEveryMonths() == null || l.copies() == null) {
          c.error(at, "level " + n + " must set backupEveryDays, logKeepMonths, drillEveryMonths and copies",
              "the regulations ask for backups at least monthly (31 days) and logs kept at least 3 months");
        }
        continue;
      }
      levels.put(n, new PolicyTable.Level(backup.get(), logs.get(), drill.get(), copies.get(), offsite.get()));
    }
    if (version.isEmpty() || levels.size() != 5) {
      return Optional.empty();
    }
    return Optional.of(new PolicyTable(version.get(), spec.basis() == null ? "" : spec.basis(), levels));
  }
}
