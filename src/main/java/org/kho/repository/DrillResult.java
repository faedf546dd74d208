package org.kho.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What one restore drill found about one snapshot, written by the drill engine into
 * {@code drills/} (sealed). Retention reads these: the newest snapshot of each item that passed a
 * drill is never forgotten. See FORMAT.md, "Drill results".
 *
 * @param snapshot the full id of the snapshot restored
 * @param item the catalogue item, or null for an ad hoc snapshot
 * @param time when the drill finished
 * @param plan the drill plan that ran, or null for a drill run by hand
 * @param report the name of the signed evidence record of the drill report, or null if unsigned
 * @param detail one line on what was checked or what failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrillResult(int version, String snapshot, String item, Instant time, Outcome outcome, String plan,
    String report, String detail) {
  public static final int VERSION = 1;

  /** How the drill ended. */
  public enum Outcome {
    /** Every restored file matched the snapshot (and the plan's checks passed). */
    PASSED,
    /** Something could not be restored or did not match. */
    FAILED
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }
}
