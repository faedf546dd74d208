package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.report.ComplianceReport;
import org.kho.report.PeriodicReport;
import org.kho.report.ReportJson;

/** The compliance report of a scripted quarter states each fact of it, as its JSON shows. */
class ComplianceServiceTest {
  @TempDir
  static Path tmp;
  static JsonNode json;
  static ComplianceReport report;

  @BeforeAll
  static void computeOnce() throws Exception {
    report = ScriptedQuarter.report(tmp);
    json = new ObjectMapper().readTree(ReportJson.write(report));
  }

  private static JsonNode item(String id) {
    for (JsonNode i : json.path("items")) {
      if (i.path("item").asText().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no item " + id);
  }

  private static String status(JsonNode owner, String rule) {
    for (JsonNode r : owner.path("rules")) {
      if (r.path("rule").asText().equals(rule)) {
        return r.path("status").asText();
      }
    }
    throw new AssertionError("no rule " + rule);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void theMissedMonthIsAGapWithItsDatesAndBreaksTheFrequencyRule() {
    JsonNode backups = item("ketoan").path("backups");
    assertThat(backups.path("scheduled").asInt()).isEqualTo(3);
    assertThat(backups.path("succeeded").asInt()).isEqualTo(2);
    assertThat(backups.path("lastBefore").asText()).isEqualTo("2026-08-31T18:31:00Z");
    assertThat(backups.path("gaps")).hasSize(1);
    JsonNode gap = backups.path("gaps").get(0);
    assertThat(gap.path("since").asText()).as("the October backup, 01:31 Hanoi time").isEqualTo("2026-09-30T18:31:00Z");
    assertThat(gap.path("until").asText()).as("the December backup").isEqualTo("2026-11-30T18:31:00Z");
    assertThat(texts(gap.path("missed"))).as("1 November, 01:30 Hanoi time").containsExactly("2026-10-31T18:30:00Z");
    assertThat(gap.path("days").asLong()).isEqualTo(61);
    assertThat(gap.path("overPolicy").asBoolean()).isTrue();
    assertThat(backups.path("longestDays").asLong()).isEqualTo(61);
    assertThat(status(item("ketoan"), "BACKUP_FREQUENCY")).isEqualTo("NOT_MET");
    assertThat(json.path("summary").path("worst").get(0).path("subject").asText()).isEqualTo("ketoan");
    assertThat(json.path("summary").path("worst").get(0).path("rule").asText()).isEqualTo("BACKUP_FREQUENCY");
  }

  @Test
  void aWeeklyItemWithAFailureFixedTheSameMorningMeetsItsRulesAndShowsTheResolution() {
    JsonNode vanban = item("vanban");
    assertThat(vanban.path("backups").path("scheduled").asInt()).isEqualTo(13);
    assertThat(vanban.path("backups").path("succeeded").asInt()).isEqualTo(13);
    assertThat(vanban.path("backups").path("failed").asInt()).isEqualTo(1);
    assertThat(vanban.path("backups").path("gaps")).isEmpty();
    assertThat(status(vanban, "BACKUP_FREQUENCY")).isEqualTo("MET");
    JsonNode failure = vanban.path("failures").get(0);
    assertThat(failure.path("at").asText()).isEqualTo("2026-11-07T20:01:00Z");
    assertThat(failure.path("error").asText()).contains("not mounted");
    assertThat(failure.path("resolvedAt").asText()).isEqualTo("2026-11-07T23:01:00Z");
    assertThat(status(vanban, "FAILURES_RESOLVED")).isEqualTo("MET");
    assertThat(status(vanban, "RESTORE_DRILLS")).as("no drill, but waived in writing").isEqualTo("WAIVED");
  }

  @Test
  void theFailedAndThePassedDrillAreReportedWithTheirResultsAndRto() {
    JsonNode drills = item("ketoan").path("drills");
    assertThat(drills).hasSize(2);
    assertThat(drills.get(0).path("id").asText()).isEqualTo("monthly-database-20261015T020000Z");
    assertThat(drills.get(0).path("outcome").asText()).isEqualTo("FAILED");
    assertThat(texts(drills.get(0).path("damaged"))).containsExactly("/srv/ketoan/ledger.db: content differs from the snapshot");
    assertThat(drills.get(0).path("signature").asText()).isEqualTo("VALID");
    assertThat(drills.get(1).path("outcome").asText()).isEqualTo("PASSED");
    assertThat(drills.get(1).path("rto").path("measuredSeconds").asLong()).isEqualTo(2400);
    assertThat(drills.get(1).path("rto").path("targetSeconds").asLong()).isEqualTo(7200);
    assertThat(drills.get(1).path("filesVerified").asLong()).isEqualTo(42);
    assertThat(status(item("ketoan"), "RESTORE_DRILLS")).as("the failure was followed by a pass").isEqualTo("MET");
    JsonNode coverage = item("ketoan").path("coverage").get(0);
    assertThat(coverage.path("plan").asText()).isEqualTo("monthly-database");
    assertThat(coverage.path("run").asInt()).isEqualTo(2);
    assertThat(coverage.path("passed").asInt()).isEqualTo(1);
    assertThat(coverage.path("slicesDone").asInt() + "/" + coverage.path("sliceCount").asInt()).isEqualTo("1/1");
    assertThat(coverage.path("filesVerified").asLong()).isEqualTo(41 + 42);
    assertThat(coverage.path("lastPass").asText()).isEqualTo("2026-11-15T02:00:00Z");
    assertThat(texts(json.path("integrity").path("damagedByDrills"))).singleElement().asString()
        .contains("ledger.db");
  }

  @Test
  void copiesSignaturesAndRetentionAreHeldToThePolicy() {
    JsonNode ketoan = item("ketoan");
    JsonNode copies = ketoan.path("copies");
    assertThat(copies.path("copies").asInt()).isEqualTo(2);
    assertThat(copies.path("media").asInt()).isEqualTo(2);
    assertThat(copies.path("targets").get(0).path("target").asText()).isEqualTo("usb");
    assertThat(copies.path("targets").get(1).path("lastSnapshot").asText()).startsWith("2026-11-30T18:");
    assertThat(ketoan.path("backups").path("signed").asInt()).isEqualTo(4);
    assertThat(ketoan.path("backups").path("snapshots").asInt()).isEqualTo(4);
    for (String rule : List.of("ENCRYPTION", "SIGNATURES", "SEPARATE_STORAGE", "COPIES", "MEDIA", "OFFSITE_COPIES",
        "RETENTION", "FAILURES_RESOLVED")) {
      assertThat(status(ketoan, rule)).as(rule).isEqualTo("MET");
    }
  }

  @Test
  void logMonthsWipesAndIntegrityAreStated() {
    JsonNode logs = json.path("logSources").get(0);
    assertThat(logs.path("source").asText()).isEqualTo("syslog");
    assertThat(logs.path("months")).extracting(m -> m.path("month").asText() + " " + m.path("state").asText())
        .containsExactly("2026-10 ARCHIVED", "2026-11 ARCHIVED", "2026-12 ARCHIVED");
    assertThat(status(logs, "LOG_MONTHS")).isEqualTo("MET");
    assertThat(status(logs, "LOG_RETENTION")).isEqualTo("MET");
    JsonNode wipe = json.path("wipes").get(0);
    assertThat(wipe.path("id").asText()).isEqualTo("W-20261210-3f9a1c2b");
    assertThat(wipe.path("serial").asText()).isEqualTo("WD-WCC2EJR81234");
    assertThat(wipe.path("outcome").asText()).isEqualTo("ERASED");
    assertThat(wipe.path("signature").asText()).isEqualTo("VALID");
    JsonNode integrity = json.path("integrity");
    assertThat(integrity.path("auditIntact").asBoolean()).isTrue();
    assertThat(integrity.path("auditEntries").asLong()).isGreaterThan(20);
    assertThat(integrity.path("checksFailed")).hasSize(1);
    assertThat(integrity.path("checksFailed").get(0).path("subject").asText()).isEqualTo("usb");
    assertThat(integrity.path("checksFailed").get(0).path("resolvedAt").asText()).isEqualTo("2026-11-15T21:00:00Z");
  }

  @Test
  void theSummaryCountsEveryRuleAndOnlyTheMissedMonthIsToFix() {
    JsonNode summary = json.path("summary");
    assertThat(json.path("schema").asText()).isEqualTo("kho.compliance.v1");
    assertThat(json.path("period").path("label").asText()).isEqualTo("2026-Q4");
    assertThat(summary.path("rules").asInt()).isEqualTo(1 + 2 * 10 + 2);
    assertThat(summary.path("notMet").asInt()).isEqualTo(1);
    assertThat(summary.path("waived").asInt()).isEqualTo(1);
    assertThat(summary.path("met").asInt()).isEqualTo(summary.path("rules").asInt() - 2);
    assertThat(json.path("actions")).hasSize(1);
    assertThat(json.path("actions").get(0).path("fix").path("key").asText()).isEqualTo("fix.frequency");
  }

  @Test
  void thePeriodicReportCountsBackupsDrillsIncidentsAndWipes() {
    PeriodicReport p = PeriodicReport.of(report);
    assertThat(p.protectedData()).extracting(PeriodicReport.Protected::item).containsExactly("ketoan", "vanban");
    assertThat(p.backups().succeeded()).isEqualTo(2 + 13);
    assertThat(p.backups().failed()).isEqualTo(1);
    assertThat(p.backups().gaps()).isEqualTo(1);
    assertThat(p.drills().run()).isEqualTo(2);
    assertThat(p.drills().passed()).isEqualTo(1);
    assertThat(p.drills().failed()).isEqualTo(1);
    assertThat(p.incidents().failedRuns()).extracting(ComplianceReport.Failure::action).containsExactly("backup", "check");
    assertThat(p.incidents().damagedData()).hasSize(1);
    assertThat(p.incidents().alarms()).isEmpty();
    assertThat(p.wipes()).hasSize(1);
  }
}
