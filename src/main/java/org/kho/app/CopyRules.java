package org.kho.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kho.catalogue.PolicyRule;
import org.kho.report.ComplianceReport.Copies;
import org.kho.report.ComplianceReport.Copy;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Text;

/**
 * The 3-2-1 rules of the policy table for one item: copies (targets set up, and each reached by a
 * backup in the period), kinds of media, copies away from the machine.
 */
final class CopyRules {
  private CopyRules() {}

  static List<RuleResult> of(Copies c, Map<PolicyRule, String> waivers) {
    List<String> unreached = c.targets().stream().filter(t -> t.lastSnapshot().isEmpty()).map(Copy::target).toList();
    List<RuleResult> out = new ArrayList<>();
    boolean enough = c.copies() >= c.requiredCopies();
    Text copies = unreached.isEmpty() || !enough
        ? Text.of("fact.copies", c.copies(), c.requiredCopies())
        : Text.of("fact.copies.unreached", c.copies(), c.requiredCopies(), String.join(", ", unreached));
    out.add(Rules.waivable(Rule.COPIES, enough && unreached.isEmpty(), copies, waivers.get(PolicyRule.COPIES),
        Text.of(enough ? "fix.copies.unreached" : "fix.copies")));
    out.add(Rules.waivable(Rule.MEDIA, c.media() >= c.requiredMedia(), Text.of("fact.media", c.media(), c.requiredMedia()),
        waivers.get(PolicyRule.MEDIA), Text.of("fix.media")));
    out.add(Rules.waivable(Rule.OFFSITE_COPIES, c.offsite() >= c.requiredOffsite(),
        Text.of("fact.offsite", c.offsite(), c.requiredOffsite()), waivers.get(PolicyRule.OFFSITE_COPIES),
        Text.of("fix.offsite")));
    return out;
  }
}
