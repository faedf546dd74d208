package org.kho.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds each item and log source to the policy table's minimums for its security level; a rule
 * may be broken only with a written waiver. A waiver of a rule that is met gets a warning.
 */
final class ComplianceRules {
  /** How far ahead schedules are evaluated: over a year, so every month length is seen. */
  private static final Duration HORIZON = Duration.ofDays(400);
  private static final int MAX_RUNS = 5_000;
  /** Daylight-saving shifts may stretch a gap by an hour. */
  private static final Duration SLACK = Duration.ofHours(1);

  private final Catalogue catalogue;
  private final Checker c;
  private final Instant now;

  ComplianceRules(Catalogue catalogue, Checker c, Instant now) {
    this.catalogue = catalogue;
    this.c = c;
    this.now = now;
  }

  void check(Item item, String at) {
    PolicyTable.Level min = catalogue.policy().at(item.securityLevel());
    String who = "item '" + item.id() + "' (security level " + item.securityLevel() + ")";
    Optional<Schedule> schedule = item.schedule().flatMap(catalogue::schedule);
    Optional<Duration> gap = schedule.flatMap(s -> s.rule().longestGap(now, HORIZON, MAX_RUNS));
    boolean frequent = gap.isPresent() && within(gap.get(), Duration.ofDays(min.backupEveryDays()));
    rule(item.waivers(), PolicyRule.BACKUP_FREQUENCY, frequent, at, item.schedule().isPresent() ? "/schedule" : "",
        schedule.isEmpty()
            ? who + " has no schedule, and the policy asks for a backup at least every " + min.backupEveryDays() + " days"
            : who + " is backed up with up to " + days(gap) + " between runs (schedule '" + schedule.get().id()
                + "'), and the policy asks for at least every " + min.backupEveryDays() + " days",
        "choose a schedule that runs often enough");
    ItemCopies copies = ItemCopies.of(catalogue, item);
    rule(item.waivers(), PolicyRule.COPIES, copies.copies() >= min.copies(), at, "/targets",
        who + " goes to " + copies.copies() + " target(s), and the policy asks for " + min.copies() + " copies",
        "add targets on separate storage");
    rule(item.waivers(), PolicyRule.MEDIA, copies.media() >= min.media(), at, "/targets",
        who + " keeps its copies on " + copies.media() + " kind(s) of media, and the policy asks for " + min.media(),
        "add a target on another kind of storage (e.g. media: remote or tape beside an external disk)");
    rule(item.waivers(), PolicyRule.OFFSITE_COPIES, copies.offsite() >= min.offsiteCopies(), at, "/targets",
        who + " has " + copies.offsite() + " copy(ies) away from the machine, and the policy asks for " + min.offsiteCopies(),
        "add a remote, cloud or tape target (media: remote)");
    drills(item, at, who, min);
  }

  private void drills(Item item, String at, String who, PolicyTable.Level min) {
    List<DrillPlan> plans = catalogue.drillsFor(item);
    Duration limit = Duration.ofDays(31L * min.drillEveryMonths());
    Optional<Duration> best = plans.stream()
        .flatMap(p -> catalogue.schedule(p.schedule()).stream())
        .flatMap(s -> s.rule().longestGap(now, Duration.ofDays(31L * 25), MAX_RUNS).stream())
        .min(Duration::compareTo);
    rule(item.waivers(), PolicyRule.DRILL_FREQUENCY, best.isPresent() && within(best.get(), limit),
        at, item.drill().isPresent() ? "/drill" : "",
        plans.isEmpty()
            ? who + " is in no restore drill, and the policy asks for one at least every " + min.drillEveryMonths() + " months"
            : who + " is restore-tested with up to " + days(best) + " between drills, and the policy asks for at least every "
                + min.drillEveryMonths() + " months",
        plans.isEmpty() ? "name a plan from restore-drills/ with drill: NAME" : "choose a more frequent schedule for the drill plan");
  }

  void check(LogSource logs, String at) {
    PolicyTable.Level min = catalogue.policy().at(logs.securityLevel());
    String who = "log source '" + logs.id() + "' (security level " + logs.securityLevel() + ")";
    rule(logs.waivers(), PolicyRule.LOG_RETENTION, logs.keepMonths() >= min.logKeepMonths(), at, "/keepMonths",
        who + " keeps archived logs " + logs.keepMonths() + " months, and the policy asks for at least " + min.logKeepMonths(),
        "raise keepMonths");
    Optional<Duration> gap = catalogue.schedule(logs.schedule()).flatMap(s -> s.rule().longestGap(now, HORIZON, MAX_RUNS));
    rule(logs.waivers(), PolicyRule.LOG_FREQUENCY, gap.isPresent() && within(gap.get(), Duration.ofDays(31)), at, "/schedule",
        who + " is archived with up to " + days(gap) + " between runs, and the regulations ask for every month",
        "use a monthly schedule such as monthly-logs");
  }

  /** Reports a broken rule at {@code owner + field}, or an unneeded waiver at the owner's waivers. */
  private void rule(Map<PolicyRule, String> waivers, PolicyRule rule, boolean met, String owner, String field,
      String broken, String fix) {
    String pointer = owner + field;
    String waiverAt = owner + "/waivers/" + rule.key();
    if (met && waivers.containsKey(rule)) {
      c.warning(waiverAt, "the waiver of '" + rule.key() + "' is not needed: the rule is met", "remove the waiver");
    } else if (!met && !waivers.containsKey(rule)) {
      c.error(pointer, broken + " [" + rule.key() + "]",
          fix + ", or add waivers: {" + rule.key() + ": \"why, and who approved it\"}");
    }
  }

  private static boolean within(Duration gap, Duration limit) {
    return gap.compareTo(limit.plus(SLACK)) <= 0;
  }

  private static String days(Optional<Duration> gap) {
    return gap.map(g -> g.toHours() % 24 == 0 ? g.toDays() + " days" : Spans.format(g)).orElse("no repeat");
  }
}
