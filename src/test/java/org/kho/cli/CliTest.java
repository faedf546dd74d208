package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs kho's commands in-process with a fixed clock (2026-11-21 12:00 in Hanoi). */
class CliTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run kho(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(CLOCK);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path initialised() {
    Path dir = tmp.resolve("cfg");
    Run init = kho("init", dir.toString());
    assertThat(init.code()).as(init.err()).isZero();
    return dir;
  }

  @Test
  void initWritesAConfigThatPassesCheck() {
    Path dir = initialised();
    assertThat(dir.resolve("catalogue.yaml")).exists();
    assertThat(dir.resolve("schedules/nightly.yaml")).exists();
    assertThat(dir.resolve("restore-drills/quarterly-sample.yaml")).exists();
    assertThat(dir.resolve("policy.yaml")).exists();
    Run check = kho("catalogue", "check", "--config", dir.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("is valid: 3 items, 2 targets");
  }

  @Test
  void initRefusesANonEmptyDirectory() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    Run init = kho("init", tmp.toString());
    assertThat(init.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(init.err()).contains("is not empty").doesNotContain("Exception");
    assertThat(tmp.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void planListsRealDatesInTheSchedulesTimeZone() throws IOException {
    Path dir = initialised();
    Run plan = kho("plan", "--config", dir.toString(), "--days", "90", "--json");
    assertThat(plan.code()).as(plan.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(plan.out());
    List<String> backups = new ArrayList<>();
    List<String> drills = new ArrayList<>();
    for (JsonNode a : json.get("actions")) {
      String line = a.get("at").asText() + " " + a.get("subject").asText();
      if (a.get("kind").asText().equals("BACKUP")) {
        backups.add(line);
      } else if (a.get("kind").asText().equals("DRILL")) {
        drills.add(line);
      }
    }
    assertThat(backups).startsWith("2026-11-21T22:00:00+07:00 documents", "2026-11-21T22:00:00+07:00 hr-db");
    assertThat(backups).contains("2027-01-05T08:00:00+07:00 website-archive").hasSize(2 * 90 + 1);
    assertThat(drills).containsExactly("2026-12-01T01:30:00+07:00 monthly-database",
        "2027-01-01T01:30:00+07:00 monthly-database", "2027-01-05T08:00:00+07:00 quarterly-sample",
        "2027-02-01T01:30:00+07:00 monthly-database");
    assertThat(json.get("from").asText()).isEqualTo("2026-11-21T05:00:00Z");
  }

  @Test
  void planAsTextGroupsByDay() {
    Path dir = initialised();
    Run plan = kho("plan", "--config", dir.toString(), "--days", "2");
    assertThat(plan.out()).contains("2026-11-21 Sat", "22:00 +07:00  backup      documents -> usb-disk, datacentre  (nightly)");
  }

  @Test
  void checkOfABrokenConfigListsEveryErrorAndExitsThree() throws IOException {
    Path dir = initialised();
    Path catalogue = dir.resolve("catalogue.yaml");
    Files.writeString(catalogue, Files.readString(catalogue)
        .replace("schedule: nightly", "schedule: nigthly")
        .replace("retention: {daily: 14,", "retenton: {daily: 14,"));
    Run check = kho("catalogue", "check", "--config", dir.toString());
    assertThat(check.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(check.err())
        .containsPattern("catalogue\\.yaml:\\d+:\\d+: unknown schedule 'nigthly' — did you mean 'nightly'\\?")
        .containsPattern("catalogue\\.yaml:\\d+:\\d+: unknown key 'retenton' — did you mean 'retention'\\?")
        .doesNotContain("Exception", "at org.");
  }

  @Test
  void checkAsJsonGivesEachProblemsPosition() throws IOException {
    Path dir = initialised();
    Path catalogue = dir.resolve("catalogue.yaml");
    Files.writeString(catalogue, Files.readString(catalogue).replace("securityLevel: 3", "securityLevel: 9"));
    Run check = kho("catalogue", "check", "--config", dir.toString(), "--json");
    assertThat(check.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
    JsonNode json = new ObjectMapper().readTree(check.out());
    assertThat(json.get("ok").asBoolean()).isFalse();
    JsonNode first = json.get("problems").get(0);
    assertThat(first.get("message").asText()).isEqualTo("9 is out of range 1-5");
    assertThat(first.get("line").asInt()).isPositive();
    assertThat(first.get("column").asInt()).isPositive();
  }

  @Test
  void showAsJsonHasTheItemsAndNoSecretValues() throws IOException {
    Path dir = initialised();
    Run show = kho("catalogue", "show", "--config", dir.toString(), "--json");
    assertThat(show.code()).as(show.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(show.out());
    assertThat(json.get("items")).hasSize(3);
    assertThat(json.get("targets").get(0).get("kind").asText()).isEqualTo("Local");
    assertThat(json.get("targets").get(1).get("repositoryPassword").get("name").asText()).isEqualTo("kho-repository-password");
  }

  @Test
  void showAsTextListsEveryItem() {
    Path dir = initialised();
    Run show = kho("catalogue", "show", "--config", dir.toString());
    assertThat(show.out()).contains("Items", "documents", "hr-db", "website-archive", "backup.frequency", "Targets", "sftp://");
  }

  @Test
  void aMissingConfigOptionSaysWhatToDo() {
    Run run = kho("catalogue", "check");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no config directory given", "KHO_CONFIG");
  }

  @Test
  void aMissingConfigDirectoryIsAProblemNotACrash() {
    Run run = kho("catalogue", "check", "--config", tmp.resolve("nope").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(run.err()).contains("the config directory does not exist", "kho init");
  }

  @Test
  void planRefusesAnAbsurdWindow() {
    Path dir = initialised();
    Run run = kho("plan", "--config", dir.toString(), "--days", "0");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--days 0 is out of range");
  }

  @Test
  void everyCommandHasHelpListingTheExitCodes() {
    for (String[] command : List.of(new String[] {"--help"}, new String[] {"init", "--help"},
        new String[] {"catalogue", "check", "--help"}, new String[] {"catalogue", "show", "--help"},
        new String[] {"plan", "--help"}, new String[] {"quickstart", "--help"})) {
      Run run = kho(command);
      assertThat(run.code()).isZero();
      assertThat(run.out()).as(String.join(" ", command)).contains("Usage: kho", "Exit codes:")
          .containsPattern("\\n\\s+3\\s+the config directory has errors");
    }
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Run run = kho("plan", "--dayz", "3");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'--dayz'", "Possible solutions: --days");
  }

  @Test
  void quickstartRunsTheMainJobOnTheExample() {
    Run run = kho("quickstart", "--dir", tmp.resolve("q").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("1. Wrote an example config directory", "0 errors", "3. Planned the next 31 days");
  }
}
