package org.kho.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kho.testing.TestPostgres;

/** The state store on both databases it supports: embedded H2 and a real PostgreSQL server. */
class StateStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T01:30:00Z"), ZoneOffset.UTC);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres postgres;

  @TempDir
  Path dir;

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private StateLocation location(String database) throws Exception {
    if (database.equals("h2")) {
      return StateLocation.embedded(dir.resolve("state"));
    }
    if (postgres == null) {
      postgres = TestPostgres.start();
    }
    String name = "state" + DATABASES.incrementAndGet();
    postgres.createDatabase(name);
    return new StateLocation(postgres.jdbcUrl(name), TestPostgres.USER, Optional.empty(), dir);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void migrationsLayDownKhoAndQuartzTablesOnceAndReopeningKeepsTheRecords(String database) throws Exception {
    StateLocation location = location(database);
    try (StateStore store = StateStore.open(location, 2, CLOCK)) {
      store.audit().append("alice", "test", "x", "");
      assertThat(count(store, "QRTZ_TRIGGERS")).isZero();
    }
    try (StateStore again = StateStore.open(location, 2, CLOCK)) {
      assertThat(again.audit().recent(10)).hasSize(1);
    }
    if (database.equals("h2")) {
      assertThat(Files.getPosixFilePermissions(dir.resolve("state/db.password")))
          .hasToString("[OWNER_READ, OWNER_WRITE]");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void runHistoryKeepsWhatRanWhenHowItEndedAndItsFigures(String database) throws Exception {
    try (StateStore store = StateStore.open(location(database), 2, CLOCK)) {
      RunHistory runs = store.runs();
      Instant due = Instant.parse("2026-11-01T01:00:00Z");
      long ok = runs.start(new Run.Start("backup", "documents", Run.Cause.CATCH_UP, Optional.of(due), "node-a"));
      runs.finish(ok, new Run.End(Run.Outcome.SUCCEEDED, new Run.Figures(12, 3400, 120), "snapshot 1a2b", ""));
      long bad = runs.start(new Run.Start("backup", "documents", Run.Cause.SCHEDULED, Optional.empty(), "node-a"));
      runs.finish(bad, new Run.End(Run.Outcome.FAILED, Run.Figures.NONE, "", "target usb-disk is not mounted"));

      Run success = runs.last("backup", "documents", Run.Outcome.SUCCEEDED).orElseThrow();
      assertThat(success.cause()).isEqualTo(Run.Cause.CATCH_UP);
      assertThat(success.scheduledFor()).contains(due);
      assertThat(success.startedAt()).isEqualTo(CLOCK.instant());
      assertThat(success.finishedAt()).contains(CLOCK.instant());
      assertThat(success.figures()).isEqualTo(new Run.Figures(12, 3400, 120));
      assertThat(success.detail()).isEqualTo("snapshot 1a2b");
      assertThat(runs.last("backup", "documents", Run.Outcome.FAILED).orElseThrow().error())
          .isEqualTo("target usb-disk is not mounted");
      assertThat(runs.recent("backup", "documents", 10)).extracting(Run::id).containsExactly(bad, ok);
      assertThat(runs.last("backup", "other", Run.Outcome.SUCCEEDED)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRunLeftRunningByADeadProcessIsMarkedInterrupted(String database) throws Exception {
    try (StateStore store = StateStore.open(location(database), 2, CLOCK)) {
      long id = store.runs().start(new Run.Start("check", "usb-disk", Run.Cause.SCHEDULED, Optional.empty(), "a"));
      assertThat(store.runs().interrupted("check", "usb-disk", Optional.of("b"), "died")).isZero();
      assertThat(store.runs().interrupted("check", "usb-disk", Optional.empty(), "daemon a died")).isEqualTo(1);
      Run run = store.runs().recent("check", "usb-disk", 1).getFirst();
      assertThat(run.id()).isEqualTo(id);
      assertThat(run.outcome()).isEqualTo(Run.Outcome.INTERRUPTED);
      assertThat(run.error()).isEqualTo("daemon a died");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void evidenceIsIndexedBySubject(String database) throws Exception {
    try (StateStore store = StateStore.open(location(database), 2, CLOCK)) {
      long run = store.runs().start(new Run.Start("backup", "documents", Run.Cause.MANUAL, Optional.empty(), "a"));
      store.evidence().add("snapshot", "documents", "usb-disk", "1a2b3c", true, Optional.of(run));
      store.evidence().add("snapshot", "documents", "nas", "4d5e6f", false, Optional.empty());
      assertThat(store.evidence().about("documents", 10))
          .extracting(EvidenceIndex.Entry::reference, EvidenceIndex.Entry::signed, EvidenceIndex.Entry::run)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("1a2b3c", true, Optional.of(run)),
              org.assertj.core.groups.Tuple.tuple("4d5e6f", false, Optional.empty()));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aSignedDocumentIsKeptWholeWithItsRecordAndListedByKindOldestFirst(String database) throws Exception {
    String large = "{\"statement\": \"" + "x".repeat(20_000) + "\"}";
    try (StateStore store = StateStore.open(location(database), 2, CLOCK)) {
      store.evidence().add("wipe", "WD-1", "/var/lib/kho/wipe-register/W-1.json", "W-1", true, Optional.empty(),
          Optional.of(large));
      store.evidence().add("wipe", "WD-2", "/var/lib/kho/wipe-register/W-2.json", "W-2", true, Optional.empty(),
          Optional.of("{}"));
      store.evidence().add("snapshot", "documents", "nas", "4d5e6f", true, Optional.empty());
      assertThat(store.evidence().documents("wipe")).containsExactly(large, "{}");
      assertThat(store.evidence().documents("snapshot")).isEmpty();
      assertThat(store.evidence().about("WD-1", 10)).extracting(EvidenceIndex.Entry::kind).containsExactly("wipe");
    }
  }

  @org.junit.jupiter.api.Test
  void aSegmentOfTheAuditLogHoldsTheEntriesOfItsTimesAndTheHashBeforeThem() throws Exception {
    Instant[] now = {Instant.parse("2026-10-31T12:00:00Z")};
    Clock moving = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    try (StateStore store = StateStore.open(location("h2"), 2, moving)) {
      AuditLog.Entry october = store.audit().append("lan", "backup", "documents", "october");
      now[0] = Instant.parse("2026-11-02T08:00:00Z");
      store.audit().append("lan", "backup", "documents", "november 1");
      now[0] = Instant.parse("2026-11-29T08:00:00Z");
      store.audit().append("lan", "wipe", "WD-1", "november 2");
      now[0] = Instant.parse("2026-12-01T00:00:00Z");
      store.audit().append("lan", "backup", "documents", "december");

      AuditLog.Segment november = store.audit().segment(Instant.parse("2026-11-01T00:00:00Z"),
          Instant.parse("2026-12-01T00:00:00Z"));
      assertThat(november.entries()).extracting(l -> l.entry().detail()).containsExactly("november 1", "november 2");
      assertThat(november.before()).isEqualTo(AuditLog.hash(AuditLog.GENESIS, october));
      assertThat(november.entries().get(1).previous()).isEqualTo(november.entries().get(0).hash());
      AuditLog.Segment empty = store.audit().segment(Instant.parse("2026-11-10T00:00:00Z"),
          Instant.parse("2026-11-11T00:00:00Z"));
      assertThat(empty.entries()).isEmpty();
      assertThat(empty.before()).isEqualTo(november.entries().get(0).hash());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anUntouchedAuditLogVerifies(String database) throws Exception {
    try (StateStore store = StateStore.open(location(database), 2, CLOCK)) {
      for (int i = 0; i < 5; i++) {
        store.audit().append("kho-daemon@host", "backup", "item" + i, "snapshot " + i);
      }
      AuditLog.Verification v = store.audit().verify();
      assertThat(v.entries()).isEqualTo(5);
      assertThat(v.breaks()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anEditedEntryIsReportedByPosition(String database) throws Exception {
    try (StateStore store = auditOfFive(database)) {
      sql(store, "UPDATE kho_audit SET actor = 'mallory' WHERE seq = 3");
      assertThat(store.audit().verify().breaks())
          .containsExactly(new AuditLog.Break(3, "entry 3 was changed after it was written"));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRemovedEntryIsReportedByPosition(String database) throws Exception {
    try (StateStore store = auditOfFive(database)) {
      sql(store, "DELETE FROM kho_audit WHERE seq = 2");
      assertThat(store.audit().verify().breaks()).extracting(AuditLog.Break::seq, AuditLog.Break::what)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "entry 2 was removed"),
              org.assertj.core.groups.Tuple.tuple(3L, "entry 3 does not follow the entry before it"));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void removingTheLastEntriesIsReported(String database) throws Exception {
    try (StateStore store = auditOfFive(database)) {
      sql(store, "DELETE FROM kho_audit WHERE seq >= 4");
      assertThat(store.audit().verify().breaks())
          .containsExactly(new AuditLog.Break(4, "entries 4 to 5 (the last) were removed"));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRewrittenChainStillDisagreesWithItsHead(String database) throws Exception {
    try (StateStore store = auditOfFive(database)) {
      sql(store, "DELETE FROM kho_audit WHERE seq = 5");
      sql(store, "UPDATE kho_audit_head SET seq = 4");
      assertThat(store.audit().verify().breaks())
          .containsExactly(new AuditLog.Break(4, "entry 4 (the last) does not match the head of the log"));
    }
  }

  private StateStore auditOfFive(String database) throws Exception {
    StateStore store = StateStore.open(location(database), 2, CLOCK);
    for (int i = 1; i <= 5; i++) {
      store.audit().append("cli:root", "forget", "item" + i, "");
    }
    return store;
  }

  private static void sql(StateStore store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }

  private static long count(StateStore store, String table) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
