package org.kho.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Item;
import org.kho.catalogue.LogSource;
import org.kho.catalogue.Schedule;
import org.kho.core.KhoException;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;
import org.kho.plan.PlannedAction;
import org.kho.report.ComplianceReport;
import org.kho.report.ComplianceReport.Failure;
import org.kho.report.ComplianceReport.Finding;
import org.kho.report.ComplianceReport.Integrity;
import org.kho.report.ComplianceReport.ItemReport;
import org.kho.report.ComplianceReport.LogReport;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Status;
import org.kho.report.ReportPeriod;
import org.kho.state.AuditLog;
import org.kho.state.EvidenceIndex;
import org.kho.state.Run;
import org.kho.state.StateStore;

/**
 * {@code kho report compliance} and {@code kho report periodic}: reads what Kho recorded (run
 * history, evidence index with drill reports and wipe certificates, the audit log, the signed
 * log-month manifests on the targets) and holds every catalogue item and log source to its rules
 * over a period. {@link #compute} is a pure function of the catalogue, those records, the period
 * and the clock.
 */
public final class ComplianceService {
  private static final String BACKUP = PlannedAction.Kind.BACKUP.label();
  private static final String CHECK = PlannedAction.Kind.CHECK.label();
  /** How far before a period runs are read, to find the last backup before it. */
  private static final Duration LOOK_BACK = Duration.ofDays(400);
  /** The order findings are listed in: what loses data first. */
  private static final List<Rule> SEVERITY = List.of(Rule.INTEGRITY, Rule.BACKUP_FREQUENCY, Rule.FAILURES_RESOLVED,
      Rule.RESTORE_DRILLS, Rule.LOG_MONTHS, Rule.SIGNATURES, Rule.ENCRYPTION, Rule.COPIES, Rule.OFFSITE_COPIES,
      Rule.MEDIA, Rule.SEPARATE_STORAGE, Rule.RETENTION, Rule.LOG_RETENTION);
  private static final int WORST = 10;

  private final Clock clock;
  private final Secrets secrets;
  private final LogArchiveService logs;

  public ComplianceService(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.secrets = new Secrets(env);
    this.logs = new LogArchiveService(clock, "kho", env);
  }

  /**
   * What a report reads.
   *
   * @param runs every run from well before the period to its end, oldest first
   * @param snapshots the snapshot records of the period
   * @param drills the drill reports' envelopes ({@code kho.drill.v1}), oldest first
   * @param wipes the wipe certificates' envelopes
   * @param logMonths each log source's months in each target, or why they could not be read
   * @param key the agency's public key, when known, to check signatures with
   */
  public record Records(List<Run> runs, List<EvidenceIndex.Entry> snapshots, List<String> drills, List<String> wipes,
      AuditLog.Verification audit, List<LogArchiveService.TargetMonths> logMonths, Optional<VerifyingKey> key) {
    public Records {
      runs = List.copyOf(runs);
      snapshots = List.copyOf(snapshots);
      drills = List.copyOf(drills);
      wipes = List.copyOf(wipes);
      logMonths = List.copyOf(logMonths);
    }
  }

  /** The time zone of the report's days: the first schedule's, else the regulations' users'. */
  public static ZoneId zone(Catalogue catalogue) {
    return catalogue.schedules().stream().map(Schedule::zone).findFirst().orElse(Schedule.DEFAULT_ZONE);
  }

  /** The agency's public key: {@code publicKey}, else the catalogue's signing key's public half, else none. */
  public Optional<VerifyingKey> key(Catalogue catalogue, Optional<Path> publicKey) {
    if (publicKey.isPresent()) {
      return Optional.of(VerifyingKey.read(publicKey.get()));
    }
    try {
      return catalogue.signingKey().map(secrets::signingKey).map(SigningKey::verifying);
    } catch (KhoException e) {
      return Optional.empty();
    }
  }

  /** Reads the records of {@code period} from {@code state} and the log sources' targets. */
  public Records read(Catalogue catalogue, StateStore state, ReportPeriod period, Optional<VerifyingKey> key) {
    ZoneId zone = zone(catalogue);
    Instant from = period.from(zone);
    Instant to = period.to(zone);
    return new Records(state.runs().between(from.minus(LOOK_BACK), to),
        state.evidence().between("snapshot", from, to), state.evidence().documents(DrillReports.KIND),
        state.evidence().documents(StateRegister.KIND), state.audit().verify(), logMonths(catalogue, key), key);
  }

  private List<LogArchiveService.TargetMonths> logMonths(Catalogue catalogue, Optional<VerifyingKey> key) {
    if (catalogue.logSources().isEmpty()) {
      return List.of();
    }
    try {
      return logs.list(catalogue, key);
    } catch (KhoException e) {
      List<LogArchiveService.TargetMonths> failed = new ArrayList<>();
      for (LogSource s : catalogue.logSources()) {
        s.targets().forEach(t -> failed.add(new LogArchiveService.TargetMonths(s.id().value(), t.value(), List.of(),
            e.getMessage())));
      }
      return failed;
    }
  }

  /** The report of {@code period} from {@code records}, as of the clock's now. */
  public ComplianceReport compute(Catalogue catalogue, Records records, ReportPeriod period) {
    ZoneId zone = zone(catalogue);
    Instant now = clock.instant();
    Instant from = period.from(zone);
    Instant end = min(period.to(zone), now);
    BackupFacts facts = new BackupFacts(from, end);
    List<String> bad = new ArrayList<>();
    List<Run> upToEnd = records.runs().stream().filter(r -> r.startedAt().isBefore(end)).toList();
    List<DrillReports.Parsed> drills = DrillReports.parse(records.drills(), records.key(), bad).stream()
        .filter(d -> d.started().isBefore(end)).toList();
    List<DrillReports.Parsed> drillsInPeriod = drills.stream().filter(d -> !d.started().isBefore(from)).toList();
    ItemCompliance items = new ItemCompliance(catalogue, facts, end, zone);
    List<ItemReport> itemReports = new ArrayList<>();
    for (Item item : catalogue.items()) {
      String id = item.id().value();
      itemReports.add(items.of(item, runs(upToEnd, BACKUP, id), records.snapshots().stream()
          .filter(e -> e.subject().equals(id) && e.recordedAt().isBefore(end)).toList(), DrillReports.about(drills, id),
          DrillReports.coverage(drillsInPeriod, id)));
    }
    LogCompliance logCompliance = new LogCompliance(catalogue, period, now, zone);
    List<LogReport> logReports = catalogue.logSources().stream().map(s -> logCompliance.of(s, records.logMonths())).toList();
    bad.addAll(IntegrityFacts.badDrills(drills));
    var wipes = IntegrityFacts.wipes(records.wipes(), records.key(), from, end, bad);
    Integrity integrity = IntegrityFacts.of(records.audit(), bad, checks(upToEnd, facts), drillsInPeriod);
    List<Finding> findings = findings(itemReports, logReports, IntegrityFacts.rule(integrity));
    var agency = catalogue.agency();
    return new ComplianceReport(ComplianceReport.SCHEMA, period, zone.getId(), now,
        new ComplianceReport.Agency(agency.name(), agency.unit(), agency.contact()),
        new ComplianceReport.Policy(catalogue.policy().version(), catalogue.policy().basis()),
        records.key().map(VerifyingKey::fingerprint), summary(itemReports, logReports, integrity, findings), itemReports,
        logReports, integrity, wipes, findings);
  }

  private static List<Run> runs(List<Run> runs, String action, String subject) {
    return runs.stream().filter(r -> r.action().equals(action) && r.subject().equals(subject)).toList();
  }

  private static List<Failure> checks(List<Run> runs, BackupFacts facts) {
    return runs.stream().filter(r -> r.action().equals(CHECK)).map(Run::subject).distinct()
        .flatMap(target -> facts.failures(runs(runs, CHECK, target)).stream()).toList();
  }

  /** Every rule not met (or not known), most serious first. */
  private static List<Finding> findings(List<ItemReport> items, List<LogReport> logs, RuleResult integrity) {
    List<Finding> out = new ArrayList<>();
    add(out, "—", integrity);
    items.forEach(i -> i.rules().forEach(r -> add(out, i.item(), r)));
    logs.forEach(l -> l.rules().forEach(r -> add(out, l.source(), r)));
    out.sort(Comparator.comparingInt((Finding f) -> SEVERITY.indexOf(f.rule())));
    return out;
  }

  private static void add(List<Finding> out, String subject, RuleResult r) {
    if (r.status() == Status.NOT_MET || r.status() == Status.NO_DATA) {
      out.add(new Finding(subject, r.rule(), r.fact(), r.fix()));
    }
  }

  private static ComplianceReport.Summary summary(List<ItemReport> items, List<LogReport> logs, Integrity integrity,
      List<Finding> findings) {
    List<RuleResult> all = Stream.concat(Stream.of(IntegrityFacts.rule(integrity)), Stream.concat(
        items.stream().flatMap(i -> i.rules().stream()), logs.stream().flatMap(l -> l.rules().stream()))).toList();
    return new ComplianceReport.Summary(items.size(), logs.size(), all.size(), count(all, Status.MET),
        count(all, Status.NOT_MET), count(all, Status.WAIVED), count(all, Status.NO_DATA),
        findings.stream().limit(WORST).toList());
  }

  private static int count(List<RuleResult> rules, Status status) {
    return (int) rules.stream().filter(r -> r.status() == status).count();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
