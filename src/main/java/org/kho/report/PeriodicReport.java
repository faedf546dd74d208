package org.kho.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kho.report.ComplianceReport.BackupRun;
import org.kho.report.ComplianceReport.Drill;
import org.kho.report.ComplianceReport.Failure;
import org.kho.report.ComplianceReport.ItemReport;
import org.kho.report.ComplianceReport.Wipe;

/**
 * The parts of an agency's periodic information-security report that Kho can answer from its own
 * records, in the order such forms ask them: the systems and data protected, backup and
 * restore-test status, incidents seen (failed backups, damaged data, integrity alarms), disks
 * disposed of, and how the catalogue's rules were kept. Derived from a {@link ComplianceReport}.
 */
public record PeriodicReport(String schema, ReportPeriod period, String zone, Instant now,
    ComplianceReport.Agency agency, String policy, List<Protected> protectedData, long protectedBytes,
    int logSources, Backups backups, Drills drills, Incidents incidents, List<Wipe> wipes,
    ComplianceReport.Summary compliance) {
  public static final String SCHEMA = "kho.periodic.v1";

  public PeriodicReport {
    protectedData = List.copyOf(protectedData);
    wipes = List.copyOf(wipes);
  }

  /** One system or data set under backup. */
  public record Protected(String item, String name, String owner, int securityLevel, int copies,
      Optional<Instant> lastBackup, long lastBytes) {}

  /** The period's backups. */
  public record Backups(int runs, int succeeded, int failed, int gaps, int itemsWithGaps) {}

  /** The period's restore tests. */
  public record Drills(int run, int passed, int warned, int failed, List<Drill> list) {
    public Drills {
      list = List.copyOf(list);
    }
  }

  /**
   * What Kho saw go wrong.
   *
   * @param failedRuns failed backups and failed repository checks, each with its resolution
   * @param damagedData damaged or missing files found by drills
   * @param alarms integrity alarms: audit chain breaks, signatures that fail, log months missing
   */
  public record Incidents(List<Failure> failedRuns, List<String> damagedData, List<ComplianceReport.Text> alarms) {
    public Incidents {
      failedRuns = List.copyOf(failedRuns);
      damagedData = List.copyOf(damagedData);
      alarms = List.copyOf(alarms);
    }

    public int count() {
      return failedRuns.size() + damagedData.size() + alarms.size();
    }
  }

  /** The periodic report of what {@code c} found. */
  public static PeriodicReport of(ComplianceReport c) {
    List<Protected> data = c.items().stream().map(PeriodicReport::protectedItem).toList();
    List<BackupRun> runs = c.items().stream().flatMap(i -> i.backups().runs().stream()).toList();
    int succeeded = c.items().stream().mapToInt(i -> i.backups().succeeded()).sum();
    int failed = c.items().stream().mapToInt(i -> i.backups().failed()).sum();
    int gaps = c.items().stream().mapToInt(i -> i.backups().gaps().size()).sum();
    int itemsWithGaps = (int) c.items().stream().filter(i -> !i.backups().gaps().isEmpty()).count();
    List<Drill> drills = new ArrayList<>();
    c.items().forEach(i -> i.drills().stream().filter(d -> drills.stream().noneMatch(x -> x.id().equals(d.id())))
        .forEach(drills::add));
    drills.sort(Comparator.comparing(Drill::started));
    List<Failure> failures = new ArrayList<>();
    c.items().forEach(i -> failures.addAll(i.failures()));
    failures.addAll(c.integrity().checksFailed());
    failures.sort(Comparator.comparing(Failure::at));
    return new PeriodicReport(SCHEMA, c.period(), c.zone(), c.now(), c.agency(), c.policy().version(), data,
        data.stream().mapToLong(Protected::lastBytes).sum(), c.logSources().size(),
        new Backups(runs.size(), succeeded, failed, gaps, itemsWithGaps),
        new Drills(drills.size(), count(drills, "PASSED"), count(drills, "WARNED"), count(drills, "FAILED"), drills),
        new Incidents(failures, c.integrity().damagedByDrills(), alarms(c)), c.wipes(), c.summary());
  }

  private static Protected protectedItem(ItemReport i) {
    Optional<BackupRun> last = i.backups().runs().stream().filter(r -> !r.outcome().equals("failed")
        && !r.outcome().equals("interrupted") && !r.outcome().equals("running")).reduce((a, b) -> b);
    return new Protected(i.item(), i.name(), i.owner(), i.securityLevel(), i.copies().copies(),
        last.map(BackupRun::started).or(() -> i.backups().lastBefore()), last.map(BackupRun::bytes).orElse(0L));
  }

  private static int count(List<Drill> drills, String outcome) {
    return (int) drills.stream().filter(d -> d.outcome().equals(outcome)).count();
  }

  private static List<ComplianceReport.Text> alarms(ComplianceReport c) {
    List<ComplianceReport.Text> out = new ArrayList<>();
    c.integrity().auditBreaks().forEach(b -> out.add(ComplianceReport.Text.of("alarm.audit", b)));
    c.integrity().badSignatures().forEach(b -> out.add(ComplianceReport.Text.of("alarm.signature", b)));
    c.logSources().forEach(l -> l.months().stream().filter(m -> !m.state().equals("ARCHIVED"))
        .forEach(m -> out.add(ComplianceReport.Text.of("alarm.log." + m.state(), l.source(), m.month(), m.target()))));
    return out;
  }
}
