package org.kho.logarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kho.logarchive.FourMonths.AUG;
import static org.kho.logarchive.FourMonths.CLOCK;
import static org.kho.logarchive.FourMonths.NOV;
import static org.kho.logarchive.FourMonths.OCT;
import static org.kho.logarchive.FourMonths.SEP;
import static org.kho.logarchive.FourMonths.ZONE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.BackupProgress;
import org.kho.catalogue.LogSource;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.crypto.Argon2id;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;
import org.kho.evidence.EvidenceReport;
import org.kho.evidence.EvidenceVerifier;
import org.kho.logarchive.MonthRun.Outcome;
import org.kho.repository.Credential;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreService;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

class LogArchiveTest {
  private static final Repository.Options CHEAP = new Repository.Options(CLOCK, new Host(), new Argon2id(64, 1, 1));
  private static final TargetId DISK = new TargetId("disk");
  private static final SigningKey KEY = SigningKey.generate();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  private FourMonths logs;
  private final MemoryStorage storage = new MemoryStorage();
  private final LogArchive archive = new LogArchive(CLOCK, "test");

  @BeforeEach
  void setUp() throws IOException {
    logs = FourMonths.write(tmp.resolve("src"));
    Repository.init(storage, Credential.passphrase("pw"), CHEAP).close();
  }

  @Test
  void archivesTheThreeClosedMonthsAndLeavesTheOpenOne() throws IOException {
    LogArchive.SourceRun run = run(logs.source(false), Optional.empty(), false, false);

    assertThat(run.targets().get(DISK)).extracting(MonthRun::month, MonthRun::outcome)
        .containsExactly(tuple(AUG, Outcome.ARCHIVED), tuple(SEP, Outcome.ARCHIVED), tuple(OCT, Outcome.ARCHIVED));
    for (YearMonth m : List.of(AUG, SEP, OCT)) {
      assertThat(restore(m)).as("restored %s", m).isEqualTo(expected(m));
    }
    try (Repository repo = open()) {
      assertThat(archive.months(logs.source(false), ZONE, repo, FourMonthsKeys.SIGNATURES))
          .extracting(MonthState::month, MonthState::state)
          .containsExactly(tuple(AUG, MonthState.State.ARCHIVED), tuple(SEP, MonthState.State.ARCHIVED),
              tuple(OCT, MonthState.State.ARCHIVED));
      assertThat(archive.snapshot(logs.source(false), NOV, repo, FourMonthsKeys.SIGNATURES)).isEmpty();
    }
    assertThat(Files.exists(logs.dir.resolve("app.log.4.gz"))).isTrue();
  }

  @Test
  void theMonthsOfARunShareOneSessionAndOneIndexWrite() {
    int indexes = storage.list(ObjectKind.INDEX).size();

    run(logs.source(false), Optional.empty(), false, false);

    assertThat(storage.list(ObjectKind.INDEX)).hasSize(indexes + 1);
    assertThat(storage.list(ObjectKind.DATA)).as("three small months fill one pack").hasSize(1);
    assertThat(storage.list(ObjectKind.SNAPSHOT)).hasSize(3);
  }

  @Test
  void reRunningIsANoOpAndAnOpenMonthNeedsForce() {
    run(logs.source(false), Optional.empty(), false, false);
    int objects = storage.list(ObjectKind.SNAPSHOT).size();

    assertThat(run(logs.source(false), Optional.empty(), false, false).targets().get(DISK)).isEmpty();
    assertThat(run(logs.source(false), Optional.of(SEP), false, false).targets().get(DISK))
        .extracting(MonthRun::outcome).containsExactly(Outcome.ALREADY);
    assertThat(storage.list(ObjectKind.SNAPSHOT)).hasSize(objects);
    assertThatThrownBy(() -> run(logs.source(false), Optional.of(NOV), false, false))
        .isInstanceOf(UsageException.class).hasMessageContaining("2026-11 is still open");
    assertThat(run(logs.source(false), Optional.of(NOV), true, false).targets().get(DISK))
        .extracting(MonthRun::outcome).containsExactly(Outcome.PARTIAL);
  }

  @Test
  void aMonthWithoutLogsIsArchivedEmptyAndListedAsAGap() throws IOException {
    Files.delete(logs.dir.resolve("app.log.3"));
    Files.delete(logs.dir.resolve("app.log.2"));

    assertThat(run(logs.source(false), Optional.empty(), false, false).targets().get(DISK))
        .extracting(MonthRun::month, MonthRun::outcome)
        .containsExactly(tuple(AUG, Outcome.ARCHIVED), tuple(SEP, Outcome.EMPTY), tuple(OCT, Outcome.ARCHIVED));
    try (Repository repo = open()) {
      assertThat(archive.months(logs.source(false), ZONE, repo, FourMonthsKeys.SIGNATURES))
          .filteredOn(MonthState::gap).extracting(MonthState::month).containsExactly(SEP);
    }
    assertThat(verify().findings()).isEmpty();
  }

  @Test
  void verifyPassesOnAnIntactArchive() {
    run(logs.source(false), Optional.empty(), false, false);

    LogArchive.Verification v = verify();
    assertThat(v.findings()).isEmpty();
    assertThat(v.intact()).containsExactly(AUG, SEP, OCT);
  }

  @Test
  void aDeletedMonthIsNamed() {
    run(logs.source(false), Optional.empty(), false, false);
    String snapshot = snapshotOf(SEP);

    storage.delete(ObjectName.of(ObjectKind.SNAPSHOT, snapshot));

    assertThat(verify().findings()).extracting(Finding::month).containsOnly(SEP);
    assertThat(verify().findings()).extracting(Finding::kind).contains(Finding.Kind.DAMAGED);
    EvidenceReport evidence = new EvidenceVerifier(EvidenceStore.on(storage)).verify(KEY.verifying());
    assertThat(evidence.failures()).extracting(EvidenceReport.Failure::record, EvidenceReport.Failure::problem)
        .contains(tuple(manifestRecord(SEP).name(), EvidenceReport.Problem.SNAPSHOT_MISSING));
  }

  @Test
  void anEditedMonthIsNamed() {
    Map<YearMonth, Set<ObjectName>> packs = monthByMonth();

    packs.get(SEP).forEach(p -> storage.corrupt(p, 100));

    LogArchive.Verification v = verify();
    assertThat(v.findings()).extracting(Finding::month).containsOnly(SEP);
    assertThat(v.intact()).containsExactly(AUG, OCT);
  }

  @Test
  void anEditedManifestIsNamed() throws IOException {
    run(logs.source(false), Optional.empty(), false, false);
    ObjectName record = manifestRecord(OCT);
    EvidenceRecord rec = JSON.readValue(storage.read(record), EvidenceRecord.class);
    EvidenceRecord edited = new EvidenceRecord(rec.statement().replace("\"files\":2", "\"files\":1"), rec.signer(),
        rec.signature());
    assertThat(edited.statement()).isNotEqualTo(rec.statement());
    storage.delete(record);
    storage.create(record, JSON.writeValueAsBytes(edited));

    assertThat(verify().findings()).extracting(Finding::month, Finding::kind)
        .contains(tuple(OCT, Finding.Kind.ALTERED), tuple(OCT, Finding.Kind.NOT_ARCHIVED));
  }

  @Test
  void aDeletedManifestIsNamed() {
    run(logs.source(false), Optional.empty(), false, false);

    storage.delete(manifestRecord(SEP));

    assertThat(verify().findings()).extracting(Finding::month, Finding::kind)
        .containsExactly(tuple(SEP, Finding.Kind.MISSING));
  }

  @Test
  void aReorderedChainIsNamed() throws IOException {
    run(logs.source(false), Optional.empty(), false, false);
    ObjectName octRecord = manifestRecord(OCT);
    String statement = JSON.readValue(storage.read(octRecord), EvidenceRecord.class).statement();
    Manifest oct = Manifest.parse(statement).orElseThrow();
    Manifest moved = new Manifest(oct.type(), oct.repository(), oct.source(), AUG.toString(), oct.sequence() + 1,
        Manifest.hash(statement), true, oct.snapshot(), oct.time(), oct.host(), oct.zone(), oct.keepMonths(),
        oct.keepUntil(), oct.files(), oct.bytes(), oct.entries());
    try (Repository repo = open()) {
      repo.writeEvidence(moved.statement(), KEY);
    }

    assertThat(verify().findings()).extracting(Finding::month, Finding::kind)
        .contains(tuple(AUG, Finding.Kind.REORDERED));
  }

  @Test
  void originalsAreListedWithoutApplyAndDeletedWithIt() {
    LogArchive.SourceRun dry = run(logs.source(true), Optional.empty(), false, false);

    Set<Path> done = Set.of(logs.dir.resolve("app.log.4.gz"), logs.dir.resolve("app.log.3"), logs.dir.resolve("app.log.2"));
    assertThat(dry.originals().deletable()).containsExactlyInAnyOrderElementsOf(done);
    assertThat(dry.originals().deleted()).isEmpty();
    done.forEach(p -> assertThat(p).exists());

    LogArchive.SourceRun applied = run(logs.source(true), Optional.empty(), false, true);

    assertThat(applied.originals().deleted()).containsExactlyInAnyOrderElementsOf(done);
    done.forEach(p -> assertThat(p).doesNotExist());
    assertThat(logs.dir.resolve("app.log.1.gz")).as("also holds November, still open").exists();
    assertThat(logs.dir.resolve("app.log")).exists();
  }

  @Test
  void originalsOfAMonthThatDoesNotReadBackStay() {
    Map<YearMonth, Set<ObjectName>> packs = monthByMonth();
    packs.get(SEP).forEach(p -> storage.corrupt(p, 100));

    LogArchive.SourceRun applied = run(logs.source(true), Optional.empty(), false, true);

    assertThat(applied.originals().deleted()).containsExactly(logs.dir.resolve("app.log.4.gz"));
    assertThat(logs.dir.resolve("app.log.3")).exists();
    assertThat(logs.dir.resolve("app.log.2")).exists();
  }

  @Test
  void aFailedUploadDeletesNothing() {
    storage.failWritesAfter(used() + 20_000);

    LogArchive.SourceRun run = run(logs.source(true), Optional.empty(), false, true);

    assertThat(run.targets().get(DISK)).extracting(MonthRun::outcome).contains(Outcome.FAILED);
    assertThat(run.originals().deleted()).isEmpty();
    assertThat(run.originals().deletable()).isEmpty();
    try (var files = Files.list(logs.dir)) {
      assertThat(files.count()).isEqualTo(6);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private LogArchive.SourceRun run(LogSource source, Optional<YearMonth> month, boolean force, boolean apply) {
    return archive.archive(source, ZONE, Map.of(DISK, this::open), FourMonthsKeys.SIGNATURES,
        new LogArchive.Options(month, force, apply, Optional.empty()), BackupProgress.NONE);
  }

  private Repository open() {
    Repository r = Repository.open(storage, Credential.passphrase("pw"), CHEAP);
    r.signWith(KEY);
    return r;
  }

  private LogArchive.Verification verify() {
    try (Repository repo = open()) {
      return archive.verify(logs.source(false), ZONE, repo, FourMonthsKeys.SIGNATURES);
    }
  }

  /** Archives August, September and October one at a time; returns the packs each added. */
  private Map<YearMonth, Set<ObjectName>> monthByMonth() {
    Map<YearMonth, Set<ObjectName>> added = new java.util.HashMap<>();
    Set<ObjectName> seen = new HashSet<>();
    for (YearMonth m : List.of(AUG, SEP, OCT)) {
      assertThat(run(logs.source(false), Optional.of(m), false, false).targets().get(DISK))
          .extracting(MonthRun::outcome).containsExactly(Outcome.ARCHIVED);
      Set<ObjectName> now = storage.list(ObjectKind.DATA).stream().map(Storage.ObjectInfo::name)
          .collect(Collectors.toSet());
      now.removeAll(seen);
      added.put(m, now);
      seen.addAll(now);
    }
    return added;
  }

  private String snapshotOf(YearMonth m) {
    try (Repository repo = open()) {
      return archive.snapshot(logs.source(false), m, repo, FourMonthsKeys.SIGNATURES).orElseThrow();
    }
  }

  private ObjectName manifestRecord(YearMonth month) {
    for (Storage.ObjectInfo info : storage.list(ObjectKind.EVIDENCE)) {
      try {
        String statement = JSON.readValue(storage.read(info.name()), EvidenceRecord.class).statement();
        if (Manifest.parse(statement).filter(m -> m.month().equals(month.toString())).isPresent()) {
          return info.name();
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no manifest for " + month);
  }

  private Map<Path, String> restore(YearMonth month) throws IOException {
    Path target = tmp.resolve("restored-" + month);
    try (Repository repo = open()) {
      String snapshot = archive.snapshot(logs.source(false), month, repo, FourMonthsKeys.SIGNATURES).orElseThrow();
      new RestoreService(repo).run(new RestoreRequest(snapshot, target, List.of(), true), RestoreProgress.NONE);
    }
    Map<Path, String> out = new java.util.TreeMap<>();
    for (Path original : logs.expected.get(month).keySet()) {
      out.put(original, Base64.getEncoder().encodeToString(Files.readAllBytes(
          target.resolve(Path.of("/").relativize(original)))));
    }
    try (var all = Files.walk(target)) {
      assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(logs.expected.get(month).size());
    }
    return out;
  }

  private Map<Path, String> expected(YearMonth month) {
    Map<Path, String> out = new java.util.TreeMap<>();
    logs.expected.get(month).forEach((p, b) -> out.put(p, Base64.getEncoder().encodeToString(b)));
    return out;
  }

  private long used() {
    return java.util.Arrays.stream(ObjectKind.values()).flatMap(k -> storage.list(k).stream())
        .mapToLong(Storage.ObjectInfo::size).sum();
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  /** The agency key's signatures, checked as the app does. */
  static final class FourMonthsKeys {
    static final Signatures SIGNATURES = rec -> {
      VerifyingKey v = KEY.verifying();
      return rec.signer().equals(v.fingerprint())
          && v.verify(rec.statement().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(rec.signature()));
    };
  }
}
