package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.storage.vfs.TestSftpServer;

/**
 * Drills restore from the copies the plan names, through the packaged CLI: item {@code reports}
 * is kept on two local disks, item {@code ledger} on a disk and a real SFTP server (Apache MINA
 * SSHD on 127.0.0.1). By default a plan takes the item's targets in turn; {@code targetMode: each}
 * restores from every one; {@code targets: [ID]} keeps to those. The report names each item's target.
 */
class DrillTargetsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  private TestSftpServer server;
  private Path cfg;
  private Path sample;

  @BeforeEach
  void setUp() throws Exception {
    server = TestSftpServer.start(tmp.resolve("server-root"), tmp.resolve("server"));
    sample = Files.createDirectories(tmp.resolve("sample"));
    Files.createDirectories(sample.resolve("reports"));
    Files.createDirectories(sample.resolve("ledger"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(sample.resolve("reports/report-" + i + ".txt"), ("report " + i + "\n").repeat(100 + i));
      Files.writeString(sample.resolve("ledger/month-" + i + ".csv"), ("2026-11," + i + "\n").repeat(50 + i));
    }
    Path password = Files.writeString(tmp.resolve("repo.pass"), "drill targets password\n");
    Kho.cheapRepository(tmp.resolve("disk-a"), "drill targets password");
    Kho.cheapRepository(tmp.resolve("disk-b"), "drill targets password");
    Kho.Run remote = Kho.run(Map.of("KHO_PASSWORD_FILE", password.toString(), "KHO_KNOWN_HOSTS",
        server.knownHosts().toString(), "KHO_REMOTE_PASSWORD_FILE", server.passwordFile().toString()),
        "repo", "init", "--repo", server.url("/srv/kho"));
    assertThat(remote.code()).as(remote.err()).isZero();
    cfg = Kho.drillConfig(tmp);
    Files.writeString(cfg.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: "Test agency"}
        signingKey: {file: %1$s}
        targets:
          - {id: disk-a, path: %2$s, media: external-disk, repositoryPassword: {file: %3$s}}
          - {id: disk-b, path: %4$s, media: external-disk, repositoryPassword: {file: %3$s}}
          - id: datacentre
            url: %5$s
            knownHosts: %6$s
            password: {file: %7$s}
            media: remote
            repositoryPassword: {file: %3$s}
        items:
          - {id: reports, name: Reports, owner: Office, securityLevel: 2, sources: [{path: %8$s}],
             targets: [disk-a, disk-b], schedule: nightly, retention: {daily: 7}, allowSameDevice: "test: one folder",
             waivers: {drill.frequency: "plans are written by each test"}}
          - {id: ledger, name: Ledger, owner: Finance, securityLevel: 2, sources: [{path: %9$s}],
             targets: [disk-a, datacentre], schedule: nightly, retention: {daily: 7}, allowSameDevice: "test: one folder",
             waivers: {drill.frequency: "plans are written by each test"}}
        """.formatted(tmp.resolve("signing/signing.key"), tmp.resolve("disk-a"), password, tmp.resolve("disk-b"),
        server.url("/srv/kho"), server.knownHosts(), server.passwordFile(), sample.resolve("reports"),
        sample.resolve("ledger")));
    Kho.Run backup = Kho.run(Map.of(), "backup", "--config", cfg.toString());
    assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private void plan(String name, String item, String more) throws Exception {
    Files.writeString(cfg.resolve("restore-drills/" + name + ".yaml"), """
        items: [%s]
        schedule: monthly
        scratch: %s
        verify:
          - name: the restored copy is there
            shell: 'test -n "$(ls -A "$KHO_RESTORED")" && echo "checked $KHO_DRILL_TARGET"'
        %s
        """.formatted(item, tmp.resolve("scratch-" + name), more));
  }

  private JsonNode drill(String plan) throws Exception {
    Kho.Run run = Kho.run(Map.of(), "drill", "run", plan, "--config", cfg.toString(), "--json");
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    JsonNode report = JSON.readTree(run.out()).get("report");
    assertThat(report.get("outcome").asText()).isEqualTo("PASSED");
    return report;
  }

  private static List<String> itemTargets(JsonNode report) {
    List<String> targets = new ArrayList<>();
    report.get("items").forEach(i -> targets.add(i.get("item").asText() + "@" + i.get("target").asText()));
    return targets;
  }

  @Test
  void byDefaultDrillsTakeTheItemsTargetsInTurn() throws Exception {
    plan("turns", "reports", "");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.addAll(itemTargets(drill("turns")));
    }

    assertThat(seen).containsExactly("reports@disk-a", "reports@disk-b", "reports@disk-a");
    try (Stream<Path> records = Files.list(tmp.resolve("disk-b/evidence"))) {
      assertThat(records.count()).as("the report is kept in the target it read").isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void targetModeEachRestoresEveryCopyAndNamesEach() throws Exception {
    plan("every", "reports", "targetMode: each");

    JsonNode report = drill("every");

    assertThat(itemTargets(report)).containsExactly("reports@disk-a", "reports@disk-b");
    report.get("items").forEach(i -> assertThat(i.get("filesVerified").asLong()).isEqualTo(6));
    assertThat(report.get("commands")).hasSize(2);
    assertThat(report.get("commands").get(1).get("output").asText()).contains("checked disk-b");
    Kho.Run show = Kho.run(Map.of(), "drill", "show", report.get("id").asText(), "--config", cfg.toString());
    assertThat(show.out()).as(show.err()).contains("disk-a").contains("disk-b");
  }

  @Test
  void aDrillRestoresFromTheSftpCopyTheNamedTarget() throws Exception {
    plan("remote", "ledger", "targets: [datacentre]");

    JsonNode report = drill("remote");

    assertThat(itemTargets(report)).containsExactly("ledger@datacentre");
    assertThat(report.get("items").get(0).get("filesVerified").asLong()).isEqualTo(6);
    assertThat(report.get("commands").get(0).get("output").asText()).contains("checked datacentre");
    try (Stream<Path> records = Files.list(tmp.resolve("server-root/srv/kho/evidence"))) {
      assertThat(records.count()).as("the signed report is kept on the SFTP server").isGreaterThanOrEqualTo(1);
    }
    Kho.Run verify = Kho.run(Map.of("KHO_KNOWN_HOSTS", server.knownHosts().toString(), "KHO_REMOTE_PASSWORD_FILE",
        server.passwordFile().toString()), "evidence", "verify", "--repo", server.url("/srv/kho"), "--public-key",
        tmp.resolve("signing/signing.pub").toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("kho.drill.v1");
  }

  @Test
  void aPlanNamingNoneOfAnItemsTargetsIsRefusedByTheCatalogueCheckWithWhatToDo() throws Exception {
    plan("nowhere", "reports", "targets: [datacentre]");

    Kho.Run run = Kho.run(Map.of(), "drill", "run", "nowhere", "--config", cfg.toString());
    Kho.Run check = Kho.run(Map.of(), "catalogue", "check", "--config", cfg.toString());

    for (Kho.Run refused : List.of(run, check)) {
      assertThat(refused.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
      assertThat(refused.err() + refused.out()).contains("restore-drills/nowhere.yaml:")
          .contains("item 'reports' is kept on none of them").contains("targets: all").doesNotContain("\tat ");
    }
  }
}
