package org.kho.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kho.crypto.SigningKey;
import org.kho.drill.DrillStatement;
import org.kho.drill.Slice;
import org.kho.repository.EvidenceRecord;

class SignedDrillReportTest {
  private static final SigningKey KEY = SigningKey.generate();
  private static final Instant STARTED = Instant.parse("2026-11-21T02:00:00Z");

  @Test
  void anEnvelopeFromTheStateStoreReadsBackWithEveryFact() {
    DrillStatement s = DrillReportSamples.failed("monthly", STARTED, 42, 2, 5);
    String envelope = DrillReportSamples.envelope(DrillReportSamples.sign(s, KEY));
    SignedDrillReport r = SignedDrillReport.fromJson(envelope, "state").orElseThrow();
    assertThat(r.statement()).isEqualTo(s);
    assertThat(r.id()).isEqualTo("monthly-20261121T020000Z");
    assertThat(r.statement().slice()).isEqualTo(new DrillStatement.SliceRef(2, 5));
    assertThat(r.statement().items().getFirst().damaged()).hasSize(2);
    assertThat(r.statement().rpo().met()).isFalse();
    assertThat(r.statement().objectivesMet()).isFalse();
    assertThat(r.check(KEY.verifying()).verified()).isTrue();
  }

  @Test
  void aChangedStatementOrAnotherKeyDoesNotVerify() {
    EvidenceRecord rec = DrillReportSamples.sign(DrillReportSamples.passed("monthly", STARTED, 1, 0, 1), KEY);
    EvidenceRecord changed = new EvidenceRecord(rec.statement().replace("\"filesVerified\":124", "\"filesVerified\":125"),
        rec.signer(), rec.signature());
    SignedDrillReport.Check check = SignedDrillReport.of(changed, "x").orElseThrow().check(KEY.verifying());
    assertThat(check.verified()).isFalse();
    assertThat(check.detail()).startsWith("bad signature: the drill report monthly-20261121T020000Z");
    SigningKey other = SigningKey.generate();
    SignedDrillReport.Check wrongKey = SignedDrillReport.of(rec, "x").orElseThrow().check(other.verifying());
    assertThat(wrongKey.verified()).isFalse();
    assertThat(wrongKey.detail()).contains("signed by another key", other.verifying().fingerprint());
  }

  /**
   * The exact statement text the drill engine wrote before the drill statement had one model: the
   * RTO as a double (0.034 s), the RPO's missing target as {@code null}, times as text with micros.
   */
  private static final String OLD_WRITER_TEXT = "{\"type\":\"kho.drill.v1\",\"id\":\"monthly-20261120T020000Z\",\"repository\":\"3fa9c1d2e4b5a6f7\",\"target\":\"nas-01\",\"plan\":\"monthly\",\"description\":\"Restore the documents\",\"host\":\"kho-srv-01\",\"operator\":\"Nguyễn Thị Lan\",\"started\":\"2026-11-20T02:00:00.123456Z\",\"finished\":\"2026-11-20T02:00:00.157456Z\",\"outcome\":\"PASSED\",\"reasons\":[],\"corrective\":[],\"seed\":-4611686018427387904,\"slice\":{\"index\":2,\"count\":4},\"items\":[{\"item\":\"documents\",\"snapshot\":\"9f2c41d07be3a5c1e8d20123456789abcdef0123456789abcdef0123456789ab\",\"snapshotTime\":\"2026-11-19T23:00:00Z\",\"choice\":\"latest\",\"filesInSnapshot\":12,\"bytesInSnapshot\":40960,\"filesRestored\":3,\"bytesRestored\":10240,\"filesVerified\":3,\"bytesVerified\":10240,\"damaged\":[]}],\"rto\":{\"targetSeconds\":14400,\"measuredSeconds\":0.034,\"met\":true},\"rpo\":{\"targetSeconds\":null,\"measuredSeconds\":10800.0,\"met\":true},\"commands\":[{\"name\":\"files open\",\"command\":[\"sh\",\"-c\",\"test -s \\\"$KHO_RESTORED/a.txt\\\"\"],\"exit\":0,\"seconds\":0.012,\"passed\":true,\"output\":\"ok\\n\"}]}";

  @Test
  void aReportSignedByAnOlderBuildStillReadsWithItsSubSecondRtoAndVerifies() {
    byte[] signature = KEY.sign(OLD_WRITER_TEXT.getBytes(StandardCharsets.UTF_8));
    EvidenceRecord rec = new EvidenceRecord(OLD_WRITER_TEXT, KEY.verifying().fingerprint(),
        Base64.getEncoder().encodeToString(signature));

    SignedDrillReport r = SignedDrillReport.fromJson(DrillReportSamples.envelope(rec), "state").orElseThrow();

    DrillStatement s = r.statement();
    assertThat(r.check(KEY.verifying()).verified()).as("the signed bytes are the statement text").isTrue();
    assertThat(r.record().statement()).isEqualTo(OLD_WRITER_TEXT);
    assertThat(s.rto().measured()).isEqualTo(Duration.ofMillis(34));
    assertThat(s.rto().target()).contains(Duration.ofHours(4));
    assertThat(s.rpo().target()).isEmpty();
    assertThat(s.rpo().measured()).isEqualTo(Duration.ofHours(3));
    assertThat(s.started()).isEqualTo(Instant.parse("2026-11-20T02:00:00.123456Z"));
    assertThat(s.items().getFirst().snapshotTime()).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
    assertThat(s.items().getFirst().target()).as("older reports name the target only at the top").isNull();
    assertThat(s.commands().getFirst().took()).isEqualTo(Duration.ofMillis(12));
    assertThat(s.rollingSlice()).isEqualTo(new Slice(-4_611_686_018_427_387_904L, 2, 4));
  }

  @Test
  void aSubSecondRtoIsWrittenToTheMillisecondAndReadBack() {
    DrillStatement.Objective rto = DrillStatement.Objective.of(Optional.of(Duration.ofMinutes(1)), Duration.ofMillis(34));

    assertThat(DrillStatement.seconds(Duration.ofMillis(34))).hasToString("0.034");
    assertThat(DrillStatement.seconds(Duration.ofSeconds(21_600))).hasToString("21600");
    DrillStatement p = DrillReportSamples.passed("monthly", STARTED, 1, 0, 1);
    DrillStatement s = new DrillStatement(p.type(), p.id(), p.repository(), p.target(), p.plan(), p.description(),
        p.host(), p.operator(), p.witness(), p.started(), p.finished(), p.outcome(), p.reasons(), p.corrective(),
        p.seed(), p.slice(), p.items(), rto, p.rpo(), p.commands());
    assertThat(s.json()).contains("\"rto\":{\"targetSeconds\":60,\"measuredSeconds\":0.034,\"met\":true}");
    assertThat(DrillStatement.parse(s.json()).orElseThrow().rto().measured()).isEqualTo(Duration.ofMillis(34));
  }

  @Test
  void otherStatementsAndBrokenEnvelopesAreNotDrillReports() {
    assertThat(SignedDrillReport.fromJson("not json", "x")).isEmpty();
    assertThat(SignedDrillReport.fromJson("{\"statement\":\"{\\\"type\\\":\\\"kho.snapshot.v1\\\"}\",\"signer\":\"a\","
        + "\"signature\":\"b\"}", "x")).isEmpty();
    assertThat(DrillStatement.parse("{\"type\":\"kho.drill.v1\",\"id\":\"x\"}")).as("no plan, no outcome").isEmpty();
  }
}
