package org.kho.app;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Item;
import org.kho.catalogue.ItemCopies;
import org.kho.catalogue.PolicyRule;
import org.kho.catalogue.PolicyTable;
import org.kho.catalogue.Retention;
import org.kho.catalogue.Schedule;
import org.kho.report.ComplianceReport.Backups;
import org.kho.report.ComplianceReport.Copies;
import org.kho.report.ComplianceReport.Copy;
import org.kho.report.ComplianceReport.Coverage;
import org.kho.report.ComplianceReport.Drill;
import org.kho.report.ComplianceReport.Failure;
import org.kho.report.ComplianceReport.ItemReport;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Status;
import org.kho.report.ComplianceReport.Text;
import org.kho.state.EvidenceIndex;
import org.kho.state.Run;

/** One catalogue item held to its rules over a period, from the run history, evidence and drill reports. */
final class ItemCompliance {
  private final Catalogue catalogue;
  private final BackupFacts facts;
  private final Instant end;
  private final ZoneId zone;

  ItemCompliance(Catalogue catalogue, BackupFacts facts, Instant end, ZoneId zone) {
    this.catalogue = catalogue;
    this.facts = facts;
    this.end = end;
    this.zone = zone;
  }

  /**
   * @param runs the item's backup runs, oldest first
   * @param snapshots the item's snapshot records in the period
   * @param drills every drill report that covered the item, up to the period's end, oldest first
   * @param coverage what the period's drills proved of the item, per plan
   */
  ItemReport of(Item item, List<Run> runs, List<EvidenceIndex.Entry> snapshots, List<Drill> drills,
      List<Coverage> coverage) {
    PolicyTable.Level min = catalogue.policy().at(item.securityLevel());
    Optional<Schedule> schedule = item.schedule().flatMap(catalogue::schedule);
    Backups backups = facts.of(runs, item.schedule().map(Object::toString), schedule.map(Schedule::rule),
        min.backupEveryDays(), snapshots);
    Copies copies = copies(item, snapshots);
    List<Failure> failures = facts.failures(runs);
    List<Drill> inPeriod = drills.stream().filter(d -> !d.started().isBefore(facts.from())).toList();
    Map<PolicyRule, String> w = item.waivers();
    List<RuleResult> rules = new ArrayList<>();
    rules.add(frequency(backups, w));
    rules.add(encryption(backups));
    rules.add(signatures(backups));
    rules.add(item.allowSameDevice().map(why -> new RuleResult(Rule.SEPARATE_STORAGE, Status.WAIVED,
        Text.of("fact.separate.waived"), Optional.of(why), Optional.empty()))
        .orElse(Rules.met(Rule.SEPARATE_STORAGE, Text.of("fact.separate.met"))));
    rules.addAll(CopyRules.of(copies, w));
    rules.add(retention(item.retention(), min.keepBackupsMonths()));
    rules.add(DrillRules.of(drills, inPeriod, min.drillEveryMonths(), end, zone, w));
    rules.add(resolved(failures));
    return new ItemReport(item.id().value(), item.name(), item.owner(), item.securityLevel(), rules, backups, copies,
        inPeriod, coverage, failures);
  }

  private RuleResult frequency(Backups b, Map<PolicyRule, String> waivers) {
    boolean met = b.gaps().isEmpty() && b.longestDays() <= b.everyDays();
    Text fact = Text.of(b.gaps().isEmpty() ? "fact.frequency.met" : "fact.frequency.gaps", b.succeeded(), b.scheduled(),
        b.gaps().size(), b.longestDays(), b.everyDays());
    return Rules.waivable(Rule.BACKUP_FREQUENCY, met, fact, waivers.get(PolicyRule.BACKUP_FREQUENCY),
        Text.of("fix.frequency"));
  }

  private static RuleResult encryption(Backups b) {
    return b.snapshots() == 0 && b.succeeded() == 0
        ? new RuleResult(Rule.ENCRYPTION, Status.NO_DATA, Text.of("fact.encryption.none"), Optional.empty(),
            Optional.of(Text.of("fix.backup")))
        : Rules.met(Rule.ENCRYPTION, Text.of("fact.encryption.met", b.succeeded()));
  }

  private RuleResult signatures(Backups b) {
    if (b.snapshots() == 0) {
      return new RuleResult(Rule.SIGNATURES, Status.NO_DATA, Text.of("fact.signatures.none"), Optional.empty(),
          Optional.of(Text.of("fix.backup")));
    }
    boolean met = b.signed() == b.snapshots();
    return Rules.waivable(Rule.SIGNATURES, met, Text.of("fact.signatures", b.signed(), b.snapshots()), null,
        Text.of(catalogue.signingKey().isPresent() ? "fix.signatures.key" : "fix.signatures.nokey"));
  }

  private Copies copies(Item item, List<EvidenceIndex.Entry> snapshots) {
    ItemCopies c = ItemCopies.of(catalogue, item);
    List<Copy> targets = c.targets().stream().map(t -> new Copy(t.target().value(), t.media().label(),
        t.media().offsite(), snapshots.stream().filter(e -> e.target().equals(t.target().value()))
            .map(EvidenceIndex.Entry::recordedAt).reduce((a, b) -> b))).toList();
    return new Copies(c.copies(), c.required().copies(), c.media(), c.required().media(), c.offsite(),
        c.required().offsiteCopies(), targets);
  }

  private static RuleResult retention(Retention r, int keepMonths) {
    if (keepMonths == 0) {
      return Rules.met(Rule.RETENTION, Text.of("fact.retention.nominimum", r.describe()));
    }
    boolean own = r.monthly() >= keepMonths || r.yearly() * 12 >= keepMonths
        || r.within().map(p -> p.toTotalMonths() >= keepMonths).orElse(false);
    return Rules.met(Rule.RETENTION, Text.of(own ? "fact.retention.own" : "fact.retention.floor", r.describe(), keepMonths));
  }

  private static RuleResult resolved(List<Failure> failures) {
    long open = failures.stream().filter(f -> !f.resolved()).count();
    if (failures.isEmpty()) {
      return Rules.met(Rule.FAILURES_RESOLVED, Text.of("fact.failures.none"));
    }
    return Rules.waivable(Rule.FAILURES_RESOLVED, open == 0, Text.of("fact.failures", failures.size(), open), null,
        Text.of("fix.failures"));
  }
}
