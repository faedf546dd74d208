package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.app.ScriptedQuarter;

/**
 * {@code kho report compliance|periodic} end to end: the packaged CLI reads a catalogue and a state
 * database holding a scripted quarter and writes JSON, HTML and PDF. The CLI runs on the real clock,
 * so only facts that are in the past whenever the test runs are checked.
 */
class ReportIT {
  @TempDir
  static Path tmp;
  static Path config;
  static Path publicKey;

  @BeforeAll
  static void scriptTheQuarter() throws Exception {
    config = tmp.resolve("config");
    ScriptedQuarter.catalogue(config);
    ScriptedQuarter.fill(config.resolve("state"));
    publicKey = tmp.resolve("signing.pub");
    Files.writeString(publicKey, ScriptedQuarter.KEY.verifying().pem());
  }

  private static Kho.Run report(String... args) throws Exception {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("report", args[0], "--config",
        config.toString()));
    all.addAll(java.util.List.of(args).subList(1, args.length));
    return Kho.run(Map.of(), all.toArray(String[]::new));
  }

  @Test
  void jsonStatesTheMissedMonthTheDrillsAndWhyTheLogsCouldNotBeRead() throws Exception {
    Kho.Run run = report("compliance", "--period", "2026-q4", "--format", "json", "--public-key", publicKey.toString());
    assertThat(run.code()).as("rules are not met: attention. " + run.err()).isEqualTo(ExitCodes.ATTENTION);
    assertThat(run.err()).contains("rules not met in 2026-Q4");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("period").path("label").asText()).isEqualTo("2026-Q4");
    JsonNode ketoan = json.path("items").get(0);
    assertThat(ketoan.path("item").asText()).isEqualTo("ketoan");
    assertThat(ketoan.path("backups").path("gaps").get(0).path("missed").get(0).asText()).isEqualTo("2026-10-31T18:30:00Z");
    assertThat(ketoan.path("rules").get(0).path("status").asText()).isEqualTo("NOT_MET");
    assertThat(ketoan.path("drills")).extracting(d -> d.path("outcome").asText() + " " + d.path("signature").asText())
        .containsExactly("FAILED VALID", "PASSED VALID");
    JsonNode logs = json.path("logSources").get(0).path("rules").get(0);
    assertThat(logs.path("status").asText()).as("the archive target /mnt/kho-usb is not there").isEqualTo("NO_DATA");
    assertThat(logs.path("fact").path("args").get(0).asText()).startsWith("usb: ");
  }

  @Test
  void htmlGoesToStandardOutputAndPdfToTheFileNamedByOut() throws Exception {
    Kho.Run html = report("compliance", "--period", "2026-Q4", "--lang", "en");
    assertThat(html.code()).as(html.err()).isEqualTo(ExitCodes.ATTENTION);
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("Backup and Data Retention Compliance Report",
        "Backup frequency", "2026-11-01 01:30");
    Path pdf = tmp.resolve("out/periodic.pdf");
    Kho.Run periodic = report("periodic", "--period", "2026-Q4", "--format", "pdf", "--out", pdf.toString());
    assertThat(periodic.code()).as(periodic.err()).isZero();
    assertThat(periodic.out().strip()).isEqualTo(pdf.toString());
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Kho.Run json = report("periodic", "--period", "2026", "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(new ObjectMapper().readTree(json.out()).path("drills").path("run").asInt()).isEqualTo(2);
  }

  @Test
  void aBadPeriodSaysWhatFormsAreUnderstood() throws Exception {
    Kho.Run run = report("compliance", "--period", "2026-Q5");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--period '2026-Q5' is not a year, a quarter or a month", "2026-Q4", "2026-11")
        .doesNotContain("\tat ");
    Kho.Run format = report("compliance", "--period", "2026-11", "--format", "docx");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--format 'docx'", "html, pdf or json");
  }
}
