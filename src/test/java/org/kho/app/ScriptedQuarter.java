package org.kho.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.crypto.SigningKey;
import org.kho.logarchive.MonthState;
import org.kho.report.ComplianceReport;
import org.kho.report.ReportPeriod;
import org.kho.state.Run;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;
import org.kho.wipe.MediaType;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeMethod.NistCategory;

/**
 * A quarter (2026-Q4, Hanoi time) scripted into a real embedded state database: item {@code ketoan}
 * backed up monthly to two targets but missing November; item {@code vanban} weekly, with one failed
 * run put right the same morning; a repository check that failed and passed the next day; a failed
 * and a passed restore drill of {@code ketoan} (signed {@code kho.drill.v1} reports); a signed wipe
 * certificate; audit entries; and the months Oct–Dec of log source {@code syslog} archived.
 */
public final class ScriptedQuarter {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Instant NOW = Instant.parse("2027-01-05T03:00:00Z");
  static final ReportPeriod Q4 = ReportPeriod.parse("2026-Q4");
  public static final SigningKey KEY = SigningKey.generate();

  private ScriptedQuarter() {}

  /** A clock the script moves along as it writes. */
  static final class MovableClock extends Clock {
    private Instant now = NOW;

    void set(Instant t) {
      now = t;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  static Instant hanoi(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
  }

  /** Writes the config directory and returns its catalogue. */
  public static Catalogue catalogue(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("schedules"));
    Files.createDirectories(dir.resolve("restore-drills"));
    Files.writeString(dir.resolve("schedules/monthly.yaml"), "when: monthly on day 1 at 01:30\ntimeZone: Asia/Ho_Chi_Minh\n");
    Files.writeString(dir.resolve("schedules/weekly.yaml"), "when: weekly on sunday at 03:00\ntimeZone: Asia/Ho_Chi_Minh\n");
    Files.writeString(dir.resolve("schedules/monthly-logs.yaml"), "cron: \"15 2 1 * *\"\ntimeZone: Asia/Ho_Chi_Minh\n");
    Files.writeString(dir.resolve("restore-drills/monthly-database.yaml"), """
        description: Restore the accounting database and query it
        schedule: monthly
        snapshot: latest
        sample: {percent: 100}
        scratch: /var/tmp/kho-drill
        rto: 2h
        rpo: 31d
        """);
    Files.writeString(dir.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: "Sở Tài chính tỉnh Mẫu", unit: "Văn phòng Sở", contact: "it@stc.example.gov.vn"}
        targets:
          - {id: usb, path: /mnt/kho-usb, media: external-disk}
          - {id: nas, path: /mnt/kho-nas, media: nas}
        items:
          - id: ketoan
            name: Cơ sở dữ liệu kế toán
            owner: Phòng Kế hoạch - Tài chính
            securityLevel: 1
            sources: [{path: /srv/ketoan}]
            targets: [usb, nas]
            schedule: monthly
            retention: {monthly: 12}
            drill: monthly-database
          - id: vanban
            name: Văn bản điện tử
            owner: Văn phòng Sở
            securityLevel: 1
            sources: [{path: /srv/vanban}]
            targets: [usb]
            schedule: weekly
            retention: {weekly: 8}
            waivers: {drill.frequency: "Restore tested with the document system's own export (decision 7/QD)"}
        logs:
          - id: syslog
            name: Nhật ký hệ thống
            securityLevel: 1
            paths: ["/var/log/syslog*"]
            keepMonths: 6
            targets: [usb]
        """);
    try {
      return new CatalogueService(Clock.fixed(NOW, ZoneOffset.UTC)).load(dir);
    } catch (org.kho.catalogue.InvalidConfigException e) {
      throw new AssertionError("the scripted catalogue is invalid: " + e.problems(), e);
    }
  }

  /** Fills the state database in {@code dir} with the quarter. */
  public static void fill(Path dir) {
    MovableClock clock = new MovableClock();
    try (StateStore s = StateStore.open(StateLocation.embedded(dir), 2, clock)) {
      for (String month : List.of("2026-09-01", "2026-10-01", "2026-12-01")) {
        Instant at = hanoi(month + "T01:31:00");
        long run = run(s, clock, "backup", "ketoan", at, Duration.ofMinutes(12 + at.atZone(HANOI).getMonthValue()),
            Run.Outcome.SUCCEEDED, 3_000_000_000L + 100_000_000L * at.atZone(HANOI).getMonthValue(), "");
        snapshot(s, "ketoan", "usb", run);
        snapshot(s, "ketoan", "nas", run);
      }
      for (LocalDate sunday = LocalDate.parse("2026-10-04"); sunday.isBefore(LocalDate.parse("2027-01-01"));
          sunday = sunday.plusWeeks(1)) {
        Instant at = sunday.atTime(3, 1).atZone(HANOI).toInstant();
        if (sunday.equals(LocalDate.parse("2026-11-08"))) {
          run(s, clock, "backup", "vanban", at, Duration.ofMinutes(2), Run.Outcome.FAILED, 0,
              "usb: the target folder /mnt/kho-usb is not mounted");
          at = at.plus(Duration.ofHours(3));
        }
        long run = run(s, clock, "backup", "vanban", at, Duration.ofMinutes(4 + sunday.getDayOfMonth() % 5),
            Run.Outcome.SUCCEEDED, 800_000_000L + 10_000_000L * sunday.getDayOfYear(), "");
        snapshot(s, "vanban", "usb", run);
      }
      run(s, clock, "check", "usb", hanoi("2026-11-15T04:00:00"), Duration.ofMinutes(30), Run.Outcome.FAILED, 0,
          "pack 3f2a9c1e does not match its name (its bytes were changed)");
      run(s, clock, "check", "usb", hanoi("2026-11-16T04:00:00"), Duration.ofMinutes(31), Run.Outcome.SUCCEEDED, 0, "");
      drill(s, clock, "2026-10-15T02:00:00Z", "FAILED", 4800, List.of("/srv/ketoan/ledger.db: content differs from the snapshot"));
      drill(s, clock, "2026-11-15T02:00:00Z", "PASSED", 2400, List.of());
      wipe(s, clock);
      clock.set(NOW);
      s.audit().append("lan", "catalogue", "reload", "catalogue reloaded");
    }
  }

  private static long run(StateStore s, MovableClock clock, String action, String subject, Instant at, Duration took,
      Run.Outcome outcome, long bytes, String error) {
    clock.set(at);
    long id = s.runs().start(new Run.Start(action, subject, Run.Cause.SCHEDULED, Optional.of(at), "kho-01"));
    clock.set(at.plus(took));
    s.runs().finish(id, new Run.End(outcome, new Run.Figures(1200, bytes, bytes / 20), "", error));
    s.audit().append("kho-01", action, subject, outcome.label());
    return id;
  }

  private static void snapshot(StateStore s, String item, String target, long run) {
    s.evidence().add("snapshot", item, target, "snap-" + item + "-" + run, true, Optional.of(run));
  }

  private static void drill(StateStore s, MovableClock clock, String started, String outcome, long rtoSeconds,
      List<String> damaged) {
    Instant start = Instant.parse(started);
    long run = run(s, clock, "drill", "monthly-database", start, Duration.ofSeconds(rtoSeconds),
        outcome.equals("FAILED") ? Run.Outcome.FAILED : Run.Outcome.SUCCEEDED, 0, "");
    String id = "monthly-database-" + started.replace("-", "").replace(":", "").replace("T", "T").substring(0, 15) + "Z";
    String damagedJson = damaged.stream().map(d -> "\"" + d + "\"").reduce((a, b) -> a + "," + b).orElse("");
    String reasons = damaged.isEmpty() ? "" : "\"1 file restored with content that differs from the snapshot\"";
    String corrective = damaged.isEmpty() ? "" : "\"Run kho check --read-data on usb and back ketoan up again\"";
    String statement = """
        {"type":"kho.drill.v1","id":"%s","repository":"r1","target":"usb","plan":"monthly-database",\
        "description":"Restore the accounting database","host":"kho-01","operator":"Lan",\
        "started":"%s","finished":"%s","outcome":"%s","reasons":[%s],"corrective":[%s],"seed":7,\
        "slice":{"index":0,"count":1},"items":[{"item":"ketoan","snapshot":"abc","snapshotTime":"2026-10-01T00:00:00Z",\
        "choice":"latest","filesInSnapshot":42,"bytesInSnapshot":3100000000,"filesRestored":42,\
        "bytesRestored":3100000000,"filesVerified":%d,"bytesVerified":3100000000,"damaged":[%s]}],\
        "rto":{"targetSeconds":7200,"measuredSeconds":%d,"met":true},\
        "rpo":{"targetSeconds":2678400,"measuredSeconds":1209600,"met":true},"commands":[]}"""
        .formatted(id, start, start.plusSeconds(rtoSeconds), outcome, reasons, corrective, 42 - damaged.size(),
            damagedJson, rtoSeconds);
    String signature = Base64.getEncoder().encodeToString(KEY.sign(statement.getBytes(StandardCharsets.UTF_8)));
    String envelope = "{\"statement\":" + quote(statement) + ",\"signer\":\"" + KEY.verifying().fingerprint()
        + "\",\"signature\":\"" + signature + "\"}";
    s.evidence().add("drill", "monthly-database", "usb", id, true, Optional.of(run), Optional.of(envelope));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void wipe(StateStore s, MovableClock clock) {
    WipeCertificate c = new WipeCertificate("W-20261210-3f9a1c2b", "STC-PC-0042",
        new WipeCertificate.Medium("/dev/sdb", "ATA", "WDC WD5000AAKX", "WD-WCC2EJR81234", 500_107_862_016L,
            MediaType.HDD, "sata"),
        "zero", "One pass of zeros", NistCategory.CLEAR, List.of("0x00"), 1,
        new WipeCertificate.Verification("last", WipeCertificate.Verification.Result.PASSED, 500_107_862_016L, 0, -1),
        hanoi("2026-12-10T09:00:00"), hanoi("2026-12-10T11:30:00"), "Nguyễn Thị Lan", "Trần Văn Minh", "kho-01",
        "kho 0.1.0", true, 0, WipeCertificate.Outcome.ERASED, List.of());
    SignedCertificate signed = SignedCertificate.sign(c, KEY);
    clock.set(c.finished());
    s.evidence().add(StateRegister.KIND, "WD-WCC2EJR81234", "W-20261210-3f9a1c2b.json", c.id(), true, Optional.empty(),
        Optional.of(signed.json()));
    s.audit().append("Nguyễn Thị Lan", "wipe", "WD-WCC2EJR81234", "certificate " + c.id());
  }

  /** The months of {@code syslog} in target {@code usb}, as its signed manifests would list them. */
  static List<LogArchiveService.TargetMonths> logMonths() {
    List<MonthState> months = List.of(
        new MonthState(YearMonth.parse("2026-09"), MonthState.State.ARCHIVED, 31, 41_000_000, LocalDate.parse("2027-04-01"), "s9"),
        new MonthState(YearMonth.parse("2026-10"), MonthState.State.ARCHIVED, 31, 42_000_000, LocalDate.parse("2027-05-01"), "s10"),
        new MonthState(YearMonth.parse("2026-11"), MonthState.State.ARCHIVED, 30, 40_500_000, LocalDate.parse("2027-06-01"), "s11"),
        new MonthState(YearMonth.parse("2026-12"), MonthState.State.ARCHIVED, 31, 43_100_000, LocalDate.parse("2027-07-01"), "s12"));
    return List.of(new LogArchiveService.TargetMonths("syslog", "usb", months, null));
  }

  /** The quarter's compliance report, computed as {@code kho report compliance} does, at {@link #NOW}. */
  static ComplianceReport report(Path tmp) throws Exception {
    Catalogue catalogue = catalogue(tmp.resolve("config"));
    fill(tmp.resolve("state"));
    ComplianceService service = new ComplianceService(Clock.fixed(NOW, ZoneOffset.UTC), java.util.Map.of());
    try (StateStore s = StateStore.open(StateLocation.embedded(tmp.resolve("state")), 2, Clock.fixed(NOW, ZoneOffset.UTC))) {
      ComplianceService.Records read = service.read(catalogue, s, Q4, Optional.of(KEY.verifying()));
      ComplianceService.Records records = new ComplianceService.Records(read.runs(), read.snapshots(), read.drills(),
          read.wipes(), read.audit(), logMonths(), read.key());
      return service.compute(catalogue, records, Q4);
    }
  }
}
