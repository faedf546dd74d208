package org.kho.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kho.daemon.DaemonTest.waitFor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.BackupProgress;
import org.kho.backup.BackupRequest;
import org.kho.backup.BackupService;
import org.kho.crypto.Argon2id;
import org.kho.crypto.SigningKey;
import org.kho.drill.DrillStatement;
import org.kho.logarchive.FourMonths;
import org.kho.plan.PlannedAction.Kind;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.state.EvidenceIndex;
import org.kho.state.Run;
import org.kho.storage.ObjectKind;
import org.kho.storage.Storage;
import org.kho.storage.local.LocalStorage;

/**
 * The daemon in this JVM running the real prune and log-archive runners on a schedule firing
 * every second, against real folder repositories (cheap KDF) and real files.
 */
class MaintenanceRunsTest {
  private static final String PASSWORD = "maintenance test password";
  private static final Argon2id CHEAP_KDF = new Argon2id(64, 1, 1);

  @TempDir
  Path dir;

  /** A clock the test moves forward, standing in for the days that pass between two prunes. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration d) {
      now = now.plus(d);
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
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aScheduledPruneForgetsPerTheCatalogueRetentionAndFreesTheSpaceAfterTheGracePeriod() throws Exception {
    MovableClock clock = new MovableClock();
    clock.set(Instant.now().minus(Duration.ofDays(365)));
    Path repo = dir.resolve("repo");
    Path data = dir.resolve("data");
    SnapshotRef old;
    SnapshotRef newest;
    try (Repository r = initRepository(repo, clock)) {
      random(data.resolve("a.bin"), 300_000, 1);
      old = backup(r, data, clock);
      Files.delete(data.resolve("a.bin"));
      random(data.resolve("c.bin"), 50_000, 3);
      clock.advance(Duration.ofHours(1));
      newest = backup(r, data, clock);
    }
    long before = packBytes(LocalStorage.open(repo));
    Path config = writeCatalogue("""
        targets:
          - {id: disk, path: %s, repositoryPassword: {file: %s}, prune: {schedule: fast}}
        """.formatted(repo, passwordFile()) + item(data));
    clock.set(Instant.now());
    Daemon daemon = start(config, Kind.PRUNE, clock);
    try {
      waitFor(() -> daemon.state().runs().last("prune", "disk", Run.Outcome.SUCCEEDED).isPresent());
      assertThat(daemon.state().runs().recent("prune", "disk", 100)).extracting(Run::detail)
          .anyMatch(d -> d.startsWith("1 snapshots forgotten, 0 packs deleted"));
      clock.advance(Duration.ofHours(25));
      waitFor(() -> daemon.state().runs().recent("prune", "disk", 100).stream()
          .anyMatch(r -> r.outcome() == Run.Outcome.SUCCEEDED && r.figures().bytes() > 0));
      assertThat(daemon.state().runs().recent("prune", "disk", 100)).extracting(Run::outcome)
          .doesNotContain(Run.Outcome.FAILED, Run.Outcome.INCOMPLETE);
    } finally {
      daemon.stop();
    }
    try (Repository r = openRepository(repo, clock)) {
      assertThat(r.snapshots()).extracting(SnapshotRef::id).containsExactly(newest.id()).doesNotContain(old.id());
    }
    assertThat(packBytes(LocalStorage.open(repo))).as("a.bin's 300 kB are freed").isLessThan(before - 250_000);
  }

  @Test
  void aScheduledLogArchiveArchivesTheClosedMonthsAndIndexesTheirSignedManifests() throws Exception {
    Clock clock = Clock.fixed(Instant.now(), FourMonths.ZONE);
    YearMonth open = YearMonth.now(clock);
    FourMonths logs = FourMonths.write(dir.resolve("host"), open);
    Path repo = dir.resolve("repo");
    initRepository(repo, clock).close();
    Path config = writeCatalogue("""
        targets:
          - {id: disk, path: %s, media: external-disk, repositoryPassword: {file: %s}}
        logs:
          - id: app-logs
            name: Application logs
            securityLevel: 1
            paths: ["%s/app.log*"]
            month: {from: lines, regex: "%s", format: "%s"}
            targets: [disk]
            schedule: fast
            deleteOriginals: true
            allowSameDevice: "test: one disk in the test machine"
        """.formatted(repo, passwordFile(), logs.dir, FourMonths.REGEX.replace("\\", "\\\\"), FourMonths.FORMAT)
        + item(logs.dir));
    Daemon daemon = start(config, Kind.LOG_ARCHIVE, clock);
    List<EvidenceIndex.Entry> evidence;
    try {
      waitFor(() -> daemon.state().evidence().about("app-logs", 100).size() >= 6);
      evidence = daemon.state().evidence().about("app-logs", 100);
      Run first = daemon.state().runs().recent("log-archive", "app-logs", 100).getLast();
      assertThat(first.outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
      assertThat(first.detail()).contains("disk: " + open.minusMonths(3) + " archived", "disk: " + open.minusMonths(1) + " archived")
          .doesNotContain(open.toString());
      assertThat(first.figures().files()).isPositive();
      waitFor(() -> succeeded(daemon, "log-archive", "app-logs").size() >= 2);
      assertThat(succeeded(daemon, "log-archive", "app-logs").getFirst().detail()).as("a later run finds nothing new")
          .isEqualTo("up to date: no closed month was due");
    } finally {
      daemon.stop();
    }
    assertThat(evidence).hasSize(6).allMatch(EvidenceIndex.Entry::signed).allMatch(e -> e.target().equals("disk"));
    assertThat(evidence).filteredOn(e -> e.kind().equals("log-manifest")).hasSize(3);
    try (Repository r = openRepository(repo, clock)) {
      assertThat(r.snapshots()).extracting(SnapshotRef::id)
          .containsExactlyInAnyOrderElementsOf(evidence.stream().filter(e -> e.kind().equals("snapshot"))
              .map(EvidenceIndex.Entry::reference).toList());
    }
    assertThat(Files.exists(logs.dir.resolve("app.log.4.gz"))).as("the daemon deletes no original").isTrue();
  }

  @Test
  void aScheduledDrillKeepsItsSignedReportInTheEvidenceIndexAndWalksTheSlices() throws Exception {
    Clock clock = Clock.systemUTC();
    Path repo = dir.resolve("repo");
    Path data = dir.resolve("data");
    for (int i = 0; i < 20; i++) {
      random(data.resolve("f" + i + ".bin"), 1000 + i, i);
    }
    try (Repository r = initRepository(repo, clock)) {
      backup(r, data, clock);
    }
    Path config = writeCatalogue("""
        targets:
          - {id: disk, path: %s, repositoryPassword: {file: %s}}
        """.formatted(repo, passwordFile()) + item(data));
    Files.createDirectories(config.resolve("restore-drills"));
    Files.writeString(config.resolve("restore-drills/half.yaml"), """
        items: [item1]
        schedule: fast
        sample: {percent: 50}
        scratch: %s
        """.formatted(dir.resolve("scratch")));
    Daemon daemon = start(config, Kind.DRILL, clock);
    List<String> documents;
    List<EvidenceIndex.Entry> indexed;
    try {
      waitFor(() -> succeeded(daemon, "drill", "half").size() >= 2);
      documents = daemon.state().evidence().documents("drill");
      indexed = daemon.state().evidence().about("half", 100);
    } finally {
      daemon.stop();
    }
    List<DrillStatement> reports = new ArrayList<>();
    for (String d : documents) {
      reports.add(DrillStatement.parse(new ObjectMapper().readTree(d).get("statement").asText()).orElseThrow());
    }
    assertThat(reports).hasSizeGreaterThanOrEqualTo(2).allMatch(s -> s.outcome() == DrillStatement.Outcome.PASSED);
    assertThat(reports.get(0).slice().index()).isZero();
    assertThat(reports.get(1).slice().index()).isEqualTo(1);
    assertThat(reports.get(1).seed()).isEqualTo(reports.get(0).seed());
    assertThat(indexed).isNotEmpty().allMatch(e -> e.kind().equals("drill") && e.signed() && e.target().equals("disk")
        && e.run().isPresent());
    assertThat(dir.resolve("scratch")).doesNotExist();
  }

  private static List<Run> succeeded(Daemon daemon, String action, String subject) {
    return daemon.state().runs().recent(action, subject, 100).stream().filter(r -> r.outcome() == Run.Outcome.SUCCEEDED)
        .toList();
  }

  /** The daemon with only the real runner of {@code kind}, on services reading {@code clock}. */
  private static Daemon start(Path config, Kind kind, Clock clock) {
    ActionRunner runner = Runners.standard(clock, "kho test", Map.of()).runner(kind).orElseThrow();
    return Daemon.start(TestConfig.settings(config, "test-node", Duration.ofMinutes(1)), new Runners(Map.of(kind, runner)),
        RunListener.NONE);
  }

  /** A catalogue signing with a new agency key, with schedule {@code fast} firing every second. */
  private Path writeCatalogue(String rest) throws IOException {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.createDirectories(config.resolve("schedules"));
    Files.writeString(config.resolve("schedules/fast.yaml"), "when: every 1 second\ntimeZone: UTC\n");
    Files.createDirectories(dir.resolve("signing"));
    SigningKey.generate().write(dir.resolve("signing/signing.key"), dir.resolve("signing/signing.pub"));
    Files.writeString(config.resolve("catalogue.yaml"), "agency: {name: Test agency}\nsigningKey: {file: %s}\n"
        .formatted(dir.resolve("signing/signing.key")) + rest);
    return config;
  }

  /** Item {@code item1} on target disk, backed up by hand, its snapshots kept by {@code last: 1}. */
  private static String item(Path source) {
    return """
        items:
          - id: item1
            name: Item 1
            owner: IT
            securityLevel: 1
            sources: [{path: %s}]
            targets: [disk]
            retention: {last: 1}
            waivers: {drill.frequency: "daemon test, no drills", backup.frequency: "daemon test, backups by hand"}
        """.formatted(source);
  }

  private Path passwordFile() throws IOException {
    return Files.writeString(dir.resolve("repo.pass"), PASSWORD + "\n");
  }

  private static Repository initRepository(Path repo, Clock clock) {
    return Repository.init(LocalStorage.create(repo), Credential.passphrase(PASSWORD), new Repository.Options(clock, new Host(), CHEAP_KDF));
  }

  private static Repository openRepository(Path repo, Clock clock) {
    return Repository.open(LocalStorage.open(repo), Credential.passphrase(PASSWORD), new Repository.Options(clock, new Host(), CHEAP_KDF));
  }

  private static SnapshotRef backup(Repository repo, Path source, Clock clock) {
    BackupRequest request = new BackupRequest(List.of(new BackupRequest.Source(source, List.of(), List.of())), "item1",
        List.of(), Optional.empty(), false, Optional.of("test"));
    return new BackupService(repo, clock, "test").run(request, BackupProgress.NONE).snapshot();
  }

  private static void random(Path file, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Files.createDirectories(file.getParent());
    Files.write(file, b);
  }

  private static long packBytes(Storage storage) {
    return storage.list(ObjectKind.DATA).stream().mapToLong(Storage.ObjectInfo::size).sum();
  }
}
