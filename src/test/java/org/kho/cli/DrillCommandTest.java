package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.crypto.SigningKey;
import org.kho.evidence.DrillReportSamples;
import org.kho.drill.DrillStatement;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.Repository;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;

/** {@code kho drill list|show|coverage} on drill reports in a config directory's state and in a repository. */
class DrillCommandTest {
  private static final SigningKey KEY = SigningKey.generate();
  private static final String PASSED = "monthly-database-20261101T020000Z";
  private static final String FAILED = "quarterly-sample-20261110T020000Z";
  private static final String FORGED = "monthly-database-20261115T020000Z";

  @TempDir
  Path tmp;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    config = tmp.resolve("cfg");
    assertThat(CliTest.kho("init", config.toString()).code()).isZero();
    KEY.write(config.resolve("signing.key"), tmp.resolve("signing.pub"));
    Path catalogue = config.resolve("catalogue.yaml");
    String yaml = Files.readString(catalogue)
        .replace("# signingKey: {file: /etc/kho/signing/signing.key}", "signingKey: {file: " + config.resolve("signing.key") + "}")
        .replace("    drill: quarterly-sample\n    waivers:\n", "    waivers:\n      drill.frequency: \"static archive\"\n");
    Files.writeString(catalogue, yaml);
    DrillStatement passed = DrillReportSamples.forItems(
        DrillReportSamples.passed("monthly-database", Instant.parse("2026-11-01T02:00:00Z"), 5, 0, 1), "hr-db");
    DrillStatement failed = DrillReportSamples.forItems(
        DrillReportSamples.failed("quarterly-sample", Instant.parse("2026-11-10T02:00:00Z"), 8, 0, 10), "documents");
    EvidenceRecord good = DrillReportSamples.sign(passed, KEY);
    EvidenceRecord forged = DrillReportSamples.sign(DrillReportSamples.forItems(
        DrillReportSamples.passed("monthly-database", Instant.parse("2026-11-15T02:00:00Z"), 5, 0, 1), "hr-db"), KEY);
    forged = new EvidenceRecord(forged.statement().replace("\"filesVerified\":124", "\"filesVerified\":999"),
        forged.signer(), forged.signature());
    try (StateStore store = StateStore.open(StateLocation.embedded(config.resolve("state")), 1, Clock.systemUTC())) {
      for (EvidenceRecord rec : new EvidenceRecord[] {good, DrillReportSamples.sign(failed, KEY), forged}) {
        DrillStatement s = DrillStatement.parse(rec.statement()).orElseThrow();
        store.evidence().add("drill", s.plan(), "usb-disk", s.id(), true, Optional.empty(),
            Optional.of(DrillReportSamples.envelope(rec)));
      }
    }
  }

  @Test
  void listShowsEveryReportWithItsOutcomeObjectivesAndSignature() throws IOException {
    CliTest.Run list = CliTest.kho("drill", "list", "--config", config.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("ID", "PLAN", "FINISHED", "OUTCOME", PASSED, FAILED, FORGED, "PASSED", "FAILED",
        "met (30:45 / 4:00:00)", "MISSED (30:00:00 / 24:00:00)", "verified", "NOT VERIFIED");
    CliTest.Run one = CliTest.kho("drill", "list", "--config", config.toString(), "--plan", "quarterly-sample", "--json");
    JsonNode json = new ObjectMapper().readTree(one.out());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).get("id").asText()).isEqualTo(FAILED);
    assertThat(json.get(0).get("outcome").asText()).isEqualTo("FAILED");
    assertThat(json.get(0).get("signature").asText()).isEqualTo("verified");
  }

  @Test
  void showChecksTheSignatureFirstAndRefusesToVouchForAForgedReport() {
    CliTest.Run ok = CliTest.kho("drill", "show", PASSED, "--config", config.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("Signature: verified with the agency key " + KEY.verifying().fingerprint())
        .contains("outcome:   PASSED", "hr-db", "RTO: met", "seed 5, slice 0 of 1", "pg_restore --list",
            "Operator: Nguyễn Thị Lan; witness: Trần Văn Minh");
    CliTest.Run failed = CliTest.kho("drill", "show", "quarterly", "--config", config.toString());
    assertThat(failed.code()).as("a failed drill is shown; the command succeeds").isZero();
    assertThat(failed.out()).contains("outcome:   FAILED", "damaged: documents: hoso/2026/11/QD-1234.pdf",
        "Command count records: FAILED, exit 3", "relation \"ho_so\" does not exist", "Corrective actions");
    CliTest.Run forged = CliTest.kho("drill", "show", FORGED, "--config", config.toString());
    assertThat(forged.code()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(forged.out()).startsWith("Signature: NOT VERIFIED (bad signature");
    assertThat(forged.err()).contains("drill report " + FORGED + " is NOT VERIFIED");
  }

  @Test
  void showAsJsonCarriesTheCheckAndTheWholeStatement() throws IOException {
    CliTest.Run run = CliTest.kho("drill", "show", FAILED, "--config", config.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("verified").asBoolean()).isTrue();
    assertThat(json.get("check").get("key").asText()).isEqualTo(KEY.verifying().fingerprint());
    JsonNode report = json.get("report");
    assertThat(report.get("id").asText()).isEqualTo(FAILED);
    assertThat(report.get("started").asText()).isEqualTo("2026-11-10T02:00:00Z");
    assertThat(report.get("slice").get("count").asInt()).isEqualTo(10);
    assertThat(report.get("items").get(0).get("damaged")).hasSize(2);
    assertThat(report.get("commands").get(0).get("output").asText()).contains("relation \"ho_so\" does not exist");
  }

  @Test
  void showWithAnotherPublicKeyIsNotVerified() throws IOException {
    SigningKey other = SigningKey.generate();
    other.write(tmp.resolve("other.key"), tmp.resolve("other.pub"));
    CliTest.Run run = CliTest.kho("drill", "show", PASSED, "--config", config.toString(),
        "--public-key", tmp.resolve("other.pub").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(run.out()).contains("NOT VERIFIED (signed by another key");
  }

  @Test
  void showWritesThePdfAndHtmlDocuments() throws IOException {
    Path pdf = tmp.resolve("report.pdf");
    CliTest.Run run = CliTest.kho("drill", "show", FAILED, "--config", config.toString(), "--format", "pdf",
        "--lang", "en", "--out", pdf.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    CliTest.Run html = CliTest.kho("drill", "show", FAILED, "--config", config.toString(), "--format", "html");
    assertThat(html.out()).contains("Biên bản diễn tập phục hồi dữ liệu", "Sở Thông tin và Truyền thông tỉnh Mẫu",
        "KHÔNG ĐẠT");
  }

  @Test
  void coverageCountsVerifiedReportsAndWarnsOfUncoveredItems() throws IOException {
    CliTest.Run run = CliTest.kho("drill", "coverage", "--config", config.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ATTENTION);
    assertThat(run.out()).contains("monthly-database", "hr-db", "1/1 complete", "quarterly-sample", "documents",
        "0/10", "UNCOVERED (no drill plan): website-archive", "left out, signature does not verify: " + FORGED,
        "item documents has not passed a drill of plan quarterly-sample");
    CliTest.Run json = CliTest.kho("drill", "coverage", "--config", config.toString(), "--plan", "monthly-database",
        "--json");
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("rows")).hasSize(1);
    assertThat(node.get("rows").get(0).get("runs").asInt()).as("the forged report is not counted").isEqualTo(1);
    assertThat(node.get("uncovered").get(0).asText()).isEqualTo("website-archive");
  }

  @Test
  void reportsInARepositorysEvidenceAreReadAndVerifiedWithThePublicKeyAlone() {
    Path root = tmp.resolve("repo");
    Repository repo = TestBackups.init(root);
    DrillStatement s = DrillReportSamples.passed("monthly-database", Instant.parse("2026-11-20T02:00:00Z"), 3, 0, 1);
    repo.writeEvidence(s.json(), KEY);
    String pub = tmp.resolve("signing.pub").toString();
    CliTest.Run list = CliTest.kho("drill", "list", "--repo", root.toString(), "--public-key", pub);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains(s.id(), "verified");
    CliTest.Run verify = CliTest.kho("evidence", "verify", "--repo", root.toString(), "--public-key", pub);
    assertThat(verify.code()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("kho.drill.v1 (drill report)", "monthly-database");
  }
}
