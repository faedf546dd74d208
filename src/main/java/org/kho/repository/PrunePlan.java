package org.kho.repository;

import java.time.Instant;
import java.util.List;

/**
 * Packs a prune condemned (phase 1), to be deleted by a later sweep (phase 2) once the grace
 * period has passed and no process that may have seen them as live is still running. Stored
 * sealed in {@code prune/}. See FORMAT.md, "Prune".
 *
 * @param created when the packs were condemned; locks taken before it block the sweep
 */
record PrunePlan(int version, Instant created, String host, long pid, List<String> packs) {
  static final int VERSION = 1;
}
