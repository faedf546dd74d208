package org.kho.drill;

import java.util.ArrayList;
import java.util.List;
import org.kho.drill.DrillStatement.Outcome;

/**
 * The outcome rules of the contract: FAILED when a file is damaged, missing or different, a
 * restore failed, or a verification step failed; WARNED when everything verified but the RTO or
 * RPO target was missed; else PASSED. Each reason comes with what the officer should do.
 */
record Verdict(Outcome outcome, List<String> reasons, List<String> corrective) {
  Verdict {
    reasons = List.copyOf(reasons);
    corrective = List.copyOf(corrective);
  }

  /** A failure found while drilling an item: the sentence for the report, and the action it calls for. */
  record Failure(String reason, String action) {}

  static Verdict of(List<Failure> failures, List<DrillStatement.Command> commands, DrillStatement.Objective rto,
      DrillStatement.Objective rpo) {
    List<String> reasons = new ArrayList<>();
    List<String> corrective = new ArrayList<>();
    for (Failure f : failures) {
      reasons.add(f.reason());
      corrective.add(f.action());
    }
    for (DrillStatement.Command c : commands) {
      if (!c.passed()) {
        reasons.add("verification step '" + c.name() + "' failed"
            + (c.exit() > 0 ? " with exit status " + c.exit() : "") + "; its output is in the report");
        corrective.add("read the output of '" + c.name() + "', repair the data or the step, then run the drill again");
      }
    }
    boolean failed = !reasons.isEmpty();
    if (!rto.met()) {
      reasons.add("restoring and verifying took " + span(rto.measured()) + ", over the RTO target of "
          + span(rto.target().orElseThrow()));
      corrective.add("make restores faster (a nearer or faster target, a smaller sample) or agree a longer RTO");
    }
    if (!rpo.met()) {
      reasons.add("the restored data was " + span(rpo.measured()) + " old, over the RPO target of "
          + span(rpo.target().orElseThrow()));
      corrective.add("back the item up more often, or drill the latest snapshot");
    }
    Outcome outcome = failed ? Outcome.FAILED : reasons.isEmpty() ? Outcome.PASSED : Outcome.WARNED;
    return new Verdict(outcome, reasons, corrective);
  }

  private static String span(java.time.Duration d) {
    long whole = d.toSeconds() + (d.toMillisPart() > 0 ? 1 : 0);
    if (whole < 120) {
      return whole + " s";
    }
    if (whole < 2 * 3600) {
      return (whole / 60) + " min";
    }
    return whole < 2 * 86400 ? String.format(java.util.Locale.ROOT, "%.1f h", whole / 3600.0)
        : String.format(java.util.Locale.ROOT, "%.1f days", whole / 86400.0);
  }
}
