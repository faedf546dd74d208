package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore drills through the packaged CLI on quickstart-like data: a drill passes and its signed
 * report verifies with the public key alone; after a pack is corrupted the same drill fails
 * naming the damaged files; a failing verification command fails the drill with its output;
 * sampled drills walk the slices of one seed, remembered in the state database.
 */
class DrillIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  private Path cfg;
  private Path repo;
  private Path sample;

  @BeforeEach
  void setUp() throws Exception {
    sample = Files.createDirectories(tmp.resolve("sample/docs"));
    for (int i = 0; i < 40; i++) {
      Files.writeString(sample.resolve("report-" + i + ".txt"), ("quarterly report " + i + "\n").repeat(200 + i * 50));
    }
    repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, "drill test password");
    Path password = Files.writeString(tmp.resolve("repo.pass"), "drill test password\n");
    cfg = Kho.drillConfig(tmp);
    Files.writeString(cfg.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: "Test agency", unit: "IT", contact: "it@example.gov.vn"}
        signingKey: {file: %s}
        targets:
          - {id: disk, description: test disk, path: %s, media: external-disk, repositoryPassword: {file: %s}}
        items:
          - id: reports
            name: Quarterly reports
            owner: Office
            securityLevel: 2
            sources: [{path: %s}]
            targets: [disk]
            schedule: nightly
            retention: {daily: 7}
            allowSameDevice: "test: one temporary folder"
        """.formatted(tmp.resolve("signing/signing.key"), repo, password, tmp.resolve("sample")));
    plan("whole", 100, "test -s \"$KHO_RESTORED%s/docs/report-7.txt\"".formatted(tmp.resolve("sample")));
    Kho.Run backup = Kho.run(Map.of(), "backup", "--config", cfg.toString());
    assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
  }

  private void plan(String name, int percent, String shell) throws Exception {
    Files.writeString(cfg.resolve("restore-drills/" + name + ".yaml"), """
        description: Restore the reports and open one
        items: [reports]
        schedule: monthly
        snapshot: latest
        sample: {percent: %d}
        scratch: %s
        verify:
          - name: a report opens
            shell: '%s'
            timeout: 1m
        rto: 1h
        rpo: 1d
        """.formatted(percent, tmp.resolve("scratch-" + name), shell.replace("'", "''")));
  }

  private Kho.Run drill(String plan, String... more) throws Exception {
    String[] args = Stream.concat(Stream.of("drill", "run", plan, "--config", cfg.toString()), Stream.of(more))
        .toArray(String[]::new);
    return Kho.run(Map.of(), args);
  }

  @Test
  void drillPassesAndItsSignedReportVerifiesWithThePublicKeyAlone() throws Exception {
    Kho.Run run = drill("whole", "--operator", "Nguyễn An", "--witness", "Trần Bình", "--json");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    JsonNode report = JSON.readTree(run.out()).get("report");
    assertThat(report.get("type").asText()).isEqualTo("kho.drill.v1");
    assertThat(report.get("outcome").asText()).isEqualTo("PASSED");
    assertThat(report.get("operator").asText()).isEqualTo("Nguyễn An");
    assertThat(report.get("reasons")).isEmpty();
    JsonNode item = report.get("items").get(0);
    assertThat(item.get("filesInSnapshot").asLong()).isEqualTo(40);
    assertThat(item.get("filesVerified").asLong()).isEqualTo(40);
    assertThat(item.get("bytesVerified").asLong()).isEqualTo(item.get("bytesInSnapshot").asLong());
    assertThat(report.get("commands").get(0).get("passed").asBoolean()).isTrue();
    assertThat(report.get("rto").get("met").asBoolean()).isTrue();
    assertThat(tmp.resolve("scratch-whole")).as("the scratch folder is removed").doesNotExist();

    Kho.Run verify = Kho.run(Map.of(), "evidence", "verify", "--repo", repo.toString(), "--public-key",
        tmp.resolve("signing/signing.pub").toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("kho.drill.v1").contains("0 failed");
    Kho.Run status = Kho.run(Map.of(), "status", "--config", cfg.toString(), "--json");
    assertThat(JSON.readTree(status.out()).toString()).contains("lastDrill");
  }

  @Test
  void afterAPackIsCorruptedTheSameDrillFailsNamingTheDamagedFiles() throws Exception {
    assertThat(drill("whole").code()).isZero();
    Path pack;
    try (Stream<Path> packs = Files.walk(repo.resolve("data"))) {
      pack = packs.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(pack);
    bytes[bytes.length / 3] ^= 0x20;
    Files.write(pack, bytes);

    Kho.Run run = drill("whole");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.DRILL_FAILED);
    assertThat(run.out()).contains(": FAILED").contains("DAMAGED " + tmp.resolve("sample/docs/report-"))
        .contains("what to do: run 'kho check --read-data' on target disk");
    assertThat(tmp.resolve("scratch-whole")).doesNotExist();
  }

  @Test
  void aFailingVerificationCommandFailsTheDrillWithItsOutput() throws Exception {
    plan("broken", 100, "echo \"checksum list: 3 files differ\"; exit 3");

    Kho.Run run = drill("broken");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.DRILL_FAILED);
    assertThat(run.out()).contains("step 'a report opens': FAILED, exit 3").contains("checksum list: 3 files differ")
        .contains("reason: verification step 'a report opens' failed with exit status 3");
    Kho.Run again = drill("broken", "--json");
    JsonNode command = JSON.readTree(again.out()).get("report").get("commands").get(0);
    assertThat(command.get("exit").asInt()).isEqualTo(3);
    assertThat(command.get("output").asText()).contains("checksum list: 3 files differ");
  }

  @Test
  void sampledDrillsWalkTheSlicesOfOneSeed() throws Exception {
    plan("half", 50, "true");

    JsonNode first = JSON.readTree(drill("half", "--json").out()).get("report");
    JsonNode second = JSON.readTree(drill("half", "--json").out()).get("report");
    JsonNode third = JSON.readTree(drill("half", "--json").out()).get("report");

    assertThat(first.get("slice").get("count").asInt()).isEqualTo(2);
    assertThat(first.get("slice").get("index").asInt()).isZero();
    assertThat(second.get("slice").get("index").asInt()).isEqualTo(1);
    assertThat(second.get("seed").asLong()).isEqualTo(first.get("seed").asLong());
    assertThat(third.get("slice").get("index").asInt()).isZero();
    assertThat(third.get("seed").asLong()).isNotEqualTo(first.get("seed").asLong());
    long covered = first.get("items").get(0).get("filesVerified").asLong()
        + second.get("items").get(0).get("filesVerified").asLong();
    assertThat(covered).as("one cycle covers every file once").isEqualTo(40);
  }

  @Test
  void aScratchFolderInsideASourceIsRefused() throws Exception {
    Files.writeString(cfg.resolve("restore-drills/inside.yaml"), """
        items: [reports]
        schedule: monthly
        scratch: %s
        """.formatted(tmp.resolve("sample/drill")));

    Kho.Run run = drill("inside");

    assertThat(run.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("is refused: it is inside " + tmp.resolve("sample"));
    assertThat(tmp.resolve("sample/drill")).doesNotExist();
  }
}
