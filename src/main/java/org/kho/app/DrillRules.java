package org.kho.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.PolicyRule;
import org.kho.report.ComplianceReport.Drill;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Text;

/**
 * The restore-test rule for one item: a drill that passed (or passed with a warning) within the
 * policy's {@code drillEveryMonths} before the period's end, its signature not failing, and no
 * failed drill in the period left without a later pass.
 */
final class DrillRules {
  private DrillRules() {}

  /**
   * @param all the item's drills up to the period's end, oldest first
   * @param inPeriod those in the period
   */
  static RuleResult of(List<Drill> all, List<Drill> inPeriod, int everyMonths, Instant end, ZoneId zone,
      Map<PolicyRule, String> waivers) {
    List<Drill> trusted = all.stream().filter(d -> !"INVALID".equals(d.signature())).toList();
    Optional<Drill> lastPass = trusted.stream().filter(Drill::passed).reduce((a, b) -> b);
    Instant due = end.atZone(zone).minusMonths(everyMonths).toInstant();
    boolean recent = lastPass.map(d -> !d.started().isBefore(due)).orElse(false);
    Optional<Drill> lastFailed = trusted.stream().filter(d -> !d.passed()).reduce((a, b) -> b);
    boolean failedOpen = lastFailed.isPresent()
        && lastPass.map(p -> p.started().isBefore(lastFailed.get().started())).orElse(true);
    long passed = inPeriod.stream().filter(Drill::passed).count();
    String last = lastPass.map(d -> LocalDate.ofInstant(d.started(), zone).toString()).orElse("—");
    Text fact = Text.of(inPeriod.isEmpty() ? "fact.drills.none" : "fact.drills", inPeriod.size(), passed,
        inPeriod.size() - passed, last, everyMonths);
    Text fix = Text.of(failedOpen ? "fix.drills.failed" : all.isEmpty() ? "fix.drills.none" : "fix.drills.old");
    return Rules.waivable(Rule.RESTORE_DRILLS, recent && !failedOpen, fact, waivers.get(PolicyRule.DRILL_FREQUENCY), fix);
  }
}
