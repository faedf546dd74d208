package org.kho.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.kho.drill.DrillStatement.Objective;

/**
 * What the catalogue's rules asked in a period and what Kho's records show was done: per item and
 * log source, each rule met, not met, waived in writing, or not known; with the facts behind each
 * (gaps with dates, drills with their results, months archived, failures and how they were
 * resolved), the incidents and integrity alarms seen, the disks wiped, and what to fix. A value:
 * {@code kho report compliance --format json} writes it as it is, the HTML and PDF render it.
 *
 * @param schema {@value #SCHEMA}, for readers of the JSON
 * @param zone the time zone the period's days and the dates are in
 * @param now when the report was computed; a period not over yet is reported up to this time
 * @param signatureKey the fingerprint of the public key signatures were checked against, or empty
 *     when none was available (signatures then show as not checked)
 */
public record ComplianceReport(String schema, ReportPeriod period, String zone, Instant now, Agency agency,
    Policy policy, Optional<String> signatureKey, Summary summary, List<ItemReport> items, List<LogReport> logSources,
    Integrity integrity, List<Wipe> wipes, List<Finding> actions) {
  public static final String SCHEMA = "kho.compliance.v1";

  public ComplianceReport {
    items = List.copyOf(items);
    logSources = List.copyOf(logSources);
    wipes = List.copyOf(wipes);
    actions = List.copyOf(actions);
  }

  /** Who the report is about. */
  public record Agency(String name, String unit, String contact) {}

  /** The policy table the rules come from. */
  public record Policy(String version, String basis) {}

  /** The rules a report checks. */
  public enum Rule {
    BACKUP_FREQUENCY, ENCRYPTION, SIGNATURES, SEPARATE_STORAGE, COPIES, MEDIA, OFFSITE_COPIES, RETENTION,
    RESTORE_DRILLS, FAILURES_RESOLVED, LOG_MONTHS, LOG_RETENTION, INTEGRITY
  }

  /** Where a rule stands; {@code NO_DATA}: Kho has no record to tell. */
  public enum Status { MET, NOT_MET, WAIVED, NO_DATA }

  /**
   * A fact in words: the texts' {@code key} filled with {@code args} (already written out: dates,
   * counts), so that it reads in either language.
   */
  public record Text(String key, List<String> args) {
    public Text {
      args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
      return new Text(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
  }

  /**
   * One rule for one item or log source.
   *
   * @param fact what the records show
   * @param waiver the written reason, when the rule is waived
   * @param fix what to do, when not met
   */
  public record RuleResult(Rule rule, Status status, Text fact, Optional<String> waiver, Optional<Text> fix) {}

  /** A rule not met, for the summary and the list of actions. */
  public record Finding(String subject, Rule rule, Text fact, Optional<Text> fix) {}

  /**
   * The counts over every rule of every item and log source, and the worst findings first.
   *
   * @param worst the findings not met, most serious first (at most ten)
   */
  public record Summary(int items, int logSources, int rules, int met, int notMet, int waived, int noData,
      List<Finding> worst) {
    public Summary {
      worst = List.copyOf(worst);
    }

    public boolean compliant() {
      return notMet == 0;
    }
  }

  /** One catalogue item. */
  public record ItemReport(String item, String name, String owner, int securityLevel, List<RuleResult> rules,
      Backups backups, Copies copies, List<Drill> drills, List<Coverage> coverage, List<Failure> failures) {
    public ItemReport {
      rules = List.copyOf(rules);
      drills = List.copyOf(drills);
      coverage = List.copyOf(coverage);
      failures = List.copyOf(failures);
    }

    /** How many of its rules are not met. */
    public long notMet() {
      return rules.stream().filter(r -> r.status() == Status.NOT_MET).count();
    }
  }

  /**
   * The item's backups in the period.
   *
   * @param schedule the schedule's id, or empty
   * @param everyDays the policy's minimum: a backup at least every this many days
   * @param lastBefore the last backup before the period, if any
   * @param longestDays the longest time without a backup, in whole days, counted to the period's end
   *     (or now)
   * @param signed snapshots recorded with an agency signature / all snapshots recorded
   */
  public record Backups(Optional<String> schedule, int everyDays, int scheduled, int succeeded, int failed,
      Optional<Instant> lastBefore, long longestDays, List<Gap> gaps, int signed, int snapshots, List<BackupRun> runs) {
    public Backups {
      gaps = List.copyOf(gaps);
      runs = List.copyOf(runs);
    }
  }

  /**
   * A time without a backup: the scheduled runs missed, from the last backup before it to the next
   * one after (or to the period's end, when none came).
   *
   * @param since the last backup before the gap, or the start of the period when none is known
   * @param until the first backup after the gap, or empty: none yet by the period's end
   * @param missed the scheduled times no backup answered
   * @param overPolicy whether the gap is longer than the policy allows
   */
  public record Gap(Instant since, Optional<Instant> until, long days, List<Instant> missed, boolean overPolicy) {
    public Gap {
      missed = List.copyOf(missed);
    }
  }

  /** One backup run, for the charts and the run list. */
  public record BackupRun(long run, Instant started, long seconds, String outcome, long files, long bytes,
      long bytesAdded) {}

  /**
   * The item's copies, as the catalogue sets them up, against the policy.
   *
   * @param targets each target, and whether a backup reached it in the period
   */
  public record Copies(int copies, int requiredCopies, int media, int requiredMedia, int offsite, int requiredOffsite,
      List<Copy> targets) {
    public Copies {
      targets = List.copyOf(targets);
    }
  }

  /** One target of an item, with the last snapshot recorded in it in the period. */
  public record Copy(String target, String media, boolean offsite, Optional<Instant> lastSnapshot) {}

  /**
   * A restore drill that covered the item, from its signed report ({@code kho.drill.v1}).
   *
   * @param signature {@code VALID}, {@code INVALID}, or {@code NOT_CHECKED} (no public key)
   * @param damaged the damaged or missing files the drill found for this item
   */
  public record Drill(String id, String plan, Instant started, Instant finished, String outcome, List<String> reasons,
      List<String> corrective, long filesVerified, long bytesVerified, List<String> damaged, Objective rto, Objective rpo,
      int sliceIndex, int sliceCount, String signature) {
    public Drill {
      reasons = List.copyOf(reasons);
      corrective = List.copyOf(corrective);
      damaged = List.copyOf(damaged);
    }

    public boolean passed() {
      return !"FAILED".equals(outcome);
    }
  }

  /**
   * What one drill plan's drills in the period proved of one item (the drill report contract's
   * coverage): drills run and passed, the distinct slices of the newest rolling cycle done out of
   * its count, files and bytes verified, the last pass.
   */
  public record Coverage(String plan, int run, int passed, int slicesDone, int sliceCount, long filesVerified,
      long bytesVerified, Optional<Instant> lastPass) {}

  /**
   * A run that failed, and the run that put it right.
   *
   * @param resolvedAt when a later run of the same action on the same subject succeeded; empty: not yet
   */
  public record Failure(long run, String action, String subject, Instant at, String outcome, String error,
      Optional<Instant> resolvedAt, Optional<Long> resolvedBy) {
    public boolean resolved() {
      return resolvedAt.isPresent();
    }
  }

  /** One log source. */
  public record LogReport(String source, String name, int securityLevel, int keepMonths, int requiredKeepMonths,
      List<RuleResult> rules, List<LogMonth> months, List<String> unreadable) {
    public LogReport {
      rules = List.copyOf(rules);
      months = List.copyOf(months);
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * One closed month of a log source in one target, as its signed manifests say (their signatures
   * and chain were checked when read).
   *
   * @param state ARCHIVED, EMPTY (archived, no logs: a gap), PARTIAL (archived while open), MISSING
   */
  public record LogMonth(YearMonth month, String target, String state, long files, long bytes,
      Optional<LocalDate> keepUntil) {}

  /**
   * What Kho saw go wrong with its own records and the data: the audit log's chain, drill reports
   * whose signature fails, repository checks that failed, data found damaged by drills.
   */
  public record Integrity(long auditEntries, boolean auditIntact, List<String> auditBreaks, List<String> badSignatures,
      List<Failure> checksFailed, List<String> damagedByDrills) {
    public Integrity {
      auditBreaks = List.copyOf(auditBreaks);
      badSignatures = List.copyOf(badSignatures);
      checksFailed = List.copyOf(checksFailed);
      damagedByDrills = List.copyOf(damagedByDrills);
    }

    /**
     * Whether nothing is left wrong: the audit chain intact, every signature good, every failed check
     * followed by a good one. (Damage found by a drill is held against the item's restore-test rule.)
     */
    public boolean ok() {
      return auditIntact && badSignatures.isEmpty() && checksFailed.stream().allMatch(Failure::resolved);
    }
  }

  /** A disk wiped in the period, from its signed certificate. */
  public record Wipe(String id, String serial, String model, String method, String category, Instant finished,
      String outcome, String operator, String signature) {}
}
