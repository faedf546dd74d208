package org.kho.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A rule of the policy table that validation enforces and that an item may waive with a reason. */
public enum PolicyRule {
  /** Back up at least as often as the level's {@code backupEveryDays}. */
  BACKUP_FREQUENCY("backup.frequency"),
  /** Keep at least the level's number of copies on targets. */
  COPIES("backup.copies"),
  /** Keep the copies on at least the level's number of kinds of media. */
  MEDIA("backup.media"),
  /** Keep at least the level's number of copies away from the machine. */
  OFFSITE_COPIES("backup.offsite-copies"),
  /** Have a restore drill at least every {@code drillEveryMonths}. */
  DRILL_FREQUENCY("drill.frequency"),
  /** Keep archived logs at least {@code logKeepMonths}. */
  LOG_RETENTION("logs.retention"),
  /** Archive logs at least monthly. */
  LOG_FREQUENCY("logs.frequency");

  private final String key;

  PolicyRule(String key) {
    this.key = key;
  }

  /** The name written in {@code waivers:}. */
  public String key() {
    return key;
  }

  static Optional<PolicyRule> byKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(PolicyRule::key).toList();
  }
}
