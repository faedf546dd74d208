package org.kho.catalogue;

import java.util.Map;

/**
 * The regulation minimums by security level (1–5), versioned and editable: the shipped table is
 * {@code policy/vn-2020.yaml}; a config directory may carry its own {@code policy.yaml}.
 *
 * @param version names the table, recorded in reports
 * @param basis the regulations the table comes from
 */
public record PolicyTable(String version, String basis, Map<Integer, Level> levels) {
  /** Copies the map. */
  public PolicyTable {
    levels = Map.copyOf(levels);
  }

  /**
   * The minimums at one level.
   *
   * @param copies targets each item's backups go to
   * @param media kinds of media among those targets (the "2" of 3-2-1)
   * @param offsiteCopies targets away from the machine (remote, cloud, tape)
   */
  public record Level(int backupEveryDays, int logKeepMonths, int drillEveryMonths, int copies, int offsiteCopies,
      int media) {}

  /** The minimums for {@code securityLevel} (1–5). */
  public Level at(int securityLevel) {
    Level level = levels.get(securityLevel);
    if (level == null) {
      throw new IllegalArgumentException("the policy table has no security level " + securityLevel);
    }
    return level;
  }

  /** The floor no policy table may go below: the regulations' own minimums. */
  static final Level REGULATION_FLOOR = new Level(31, 3, 12, 1, 0, 1);
}
