package org.kho.app;

import java.util.Optional;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Status;
import org.kho.report.ComplianceReport.Text;

/** Builds rule results: met, or not met unless waived in writing. */
final class Rules {
  private Rules() {}

  static RuleResult met(Rule rule, Text fact) {
    return new RuleResult(rule, Status.MET, fact, Optional.empty(), Optional.empty());
  }

  /** Met, waived ({@code waiver} not null), or not met with {@code fix}. */
  static RuleResult waivable(Rule rule, boolean met, Text fact, String waiver, Text fix) {
    if (met) {
      return met(rule, fact);
    }
    if (waiver != null) {
      return new RuleResult(rule, Status.WAIVED, fact, Optional.of(waiver), Optional.empty());
    }
    return new RuleResult(rule, Status.NOT_MET, fact, Optional.empty(), Optional.of(fix));
  }

  static RuleResult noData(Rule rule, Text fact, Text fix) {
    return new RuleResult(rule, Status.NO_DATA, fact, Optional.empty(), Optional.of(fix));
  }
}
