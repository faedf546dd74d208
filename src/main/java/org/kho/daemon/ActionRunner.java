package org.kho.daemon;

import java.util.List;
import org.kho.catalogue.Catalogue;
import org.kho.plan.ScheduledAction;
import org.kho.state.Run;

/**
 * Runs one kind of catalogue action through its {@code app} service. Implementations report
 * failures in the result (or throw {@link org.kho.core.KhoException}); they never print.
 */
@FunctionalInterface
interface ActionRunner {
  Result run(Catalogue catalogue, ScheduledAction action);

  /** How the run ended, and the evidence it wrote on targets. */
  record Result(Run.End end, List<Evidence> evidence) {
    public Result {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * A signed record written on a target, for the evidence index.
   *
   * @param document the signed record's text, kept in the index too (a drill report), if any
   */
  record Evidence(String kind, String target, String reference, boolean signed, java.util.Optional<String> document) {
    Evidence(String kind, String target, String reference, boolean signed) {
      this(kind, target, reference, signed, java.util.Optional.empty());
    }
  }
}
