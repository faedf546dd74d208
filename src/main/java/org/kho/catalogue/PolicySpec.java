package org.kho.catalogue;

import java.util.Map;

/** The shape of a policy table file ({@code policy.yaml}) as written. */
record PolicySpec(String version, String basis, Map<String, LevelSpec> levels) {

  record LevelSpec(Integer backupEveryDays, Integer logKeepMonths, Integer drillEveryMonths,
      Integer copies, Integer offsiteCopies, Integer media) {}
}
