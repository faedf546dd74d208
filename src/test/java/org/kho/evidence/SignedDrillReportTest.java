package org.kho.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kho.crypto.SigningKey;
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
    assertThat(r.statement().slice()).isEqualTo(new DrillStatement.Slice(2, 5));
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

  @Test
  void otherStatementsAndBrokenEnvelopesAreNotDrillReports() {
    assertThat(SignedDrillReport.fromJson("not json", "x")).isEmpty();
    assertThat(SignedDrillReport.fromJson("{\"statement\":\"{\\\"type\\\":\\\"kho.snapshot.v1\\\"}\",\"signer\":\"a\","
        + "\"signature\":\"b\"}", "x")).isEmpty();
    assertThat(DrillStatement.parse("{\"type\":\"kho.drill.v1\",\"id\":\"x\"}")).as("no plan, no outcome").isEmpty();
  }
}
