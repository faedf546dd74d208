package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kho daemon} as a user runs it, on a schedule firing every few seconds, with a real
 * catalogue backing up real files into a local repository: backups happen, a run missed while the
 * daemon was stopped is caught up at start-up, {@code kho status --json} reports it all, and the
 * audit log verifies.
 */
class DaemonIT {
  private static final String PASSWORD = "daemon-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir
  Path tmp;

  @Test
  void theDaemonBacksUpOnScheduleCatchesUpAMissedRunAndStatusReportsIt() throws Exception {
    Path config = config(tmp, "every 3 seconds");
    Process daemon = daemon(config, "first");
    waitFor(() -> snapshots(tmp.resolve("repo")) >= 2, daemon);
    daemon.destroy();
    assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("the daemon stops on SIGTERM").isTrue();
    assertThat(daemon.exitValue()).as(Files.readString(tmp.resolve("first.log"))).isZero();
    int before = snapshots(tmp.resolve("repo"));
    // the first start may itself catch up the tick just before it (a due run is a due run);
    // what the restart must add is exactly one catch-up of the runs missed while no daemon ran
    List<String> caughtUpBefore = catchUps(backupDetails(config));

    Thread.sleep(7000);
    Instant restart = Instant.now();
    Process again = daemon(config, "second");
    try {
      waitFor(() -> snapshots(tmp.resolve("repo")) >= before + 2, again);
      JsonNode status = status(config, 0);
      JsonNode item = status.get("items").get(0);
      assertThat(item.get("item").asText()).isEqualTo("documents");
      assertThat(item.get("overdue").asBoolean()).isFalse();
      assertThat(item.get("failing").asBoolean()).isFalse();
      assertThat(item.get("copies").asInt()).isEqualTo(1);
      assertThat(item.get("lastDrill").asText()).isEqualTo("never");
      assertThat(item.get("lastSuccess").get("outcome").asText()).isEqualTo("succeeded");
      assertThat(item.get("lastSuccess").get("files").asLong()).isEqualTo(2);
      assertThat(Instant.parse(item.get("nextRun").asText())).isAfter(restart);

      List<String> details = backupDetails(config);
      List<String> caughtUp = new java.util.ArrayList<>(catchUps(details));
      caughtUp.removeAll(caughtUpBefore);
      assertThat(caughtUp).as("one run caught up at the restart: %s", details).hasSize(1);
      Instant due = Instant.parse(caughtUp.getFirst().replaceAll(".*\\(catch-up, due ([^)]+)\\).*", "$1"));
      assertThat(due).isBefore(restart);
    } finally {
      again.destroy();
      assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    Kho.Run verify = Kho.run(Map.of(), "audit", "verify", "--config", config.toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("audit log intact");
  }

  @Test
  void statusExitsNonZeroForAnItemNeverBackedUpAndReloadAnswers() throws Exception {
    Path config = config(tmp, "monthly on day 1 at 01:00");
    JsonNode status = status(config, ExitCodes.ATTENTION);
    assertThat(status.get("items").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(status.get("items").get(0).get("lastSuccess").isNull()).isTrue();
    Kho.Run human = Kho.run(Map.of(), "status", "--config", config.toString());
    assertThat(human.out()).contains("documents", "never", "OVERDUE", "1 of 1 items need attention");

    Kho.Run noDaemon = Kho.run(Map.of(), "reload", "--config", config.toString());
    assertThat(noDaemon.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(noDaemon.err()).contains("no Kho daemon is listening");
    Process daemon = daemon(config, "reload");
    try {
      waitFor(() -> Files.exists(config.resolve("state/daemon.sock")), daemon);
      Kho.Run reload = Kho.run(Map.of(), "reload", "--config", config.toString());
      assertThat(reload.code()).as(reload.err()).isZero();
      assertThat(reload.out()).contains("reloaded: 0 scheduled or changed, 1 unchanged, 0 removed");
    } finally {
      daemon.destroy();
      assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** A config directory with one item, {@code documents}, backed up into a local repository on {@code when}. */
  static Path config(Path tmp, String when) throws IOException {
    Path config = Files.createDirectories(tmp.resolve("config"));
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("a.txt"), "alpha");
    Files.writeString(data.resolve("b.txt"), "beta");
    Path password = tmp.resolve("repository.pass");
    Files.writeString(password, PASSWORD);
    Kho.cheapRepository(tmp.resolve("repo"), PASSWORD);
    Files.createDirectories(config.resolve("schedules"));
    Files.writeString(config.resolve("schedules/fast.yaml"), "when: " + when + "\ntimeZone: UTC\nmissedRuns: run-once\n");
    Files.writeString(config.resolve("catalogue.yaml"), """
        agency: {name: Test agency}
        targets:
          - {id: disk, path: %s, repositoryPassword: {file: %s}}
        items:
          - id: documents
            name: Documents
            owner: IT
            securityLevel: 1
            sources: [{path: %s}]
            targets: [disk]
            schedule: fast
            retention: {daily: 7}
            allowSameDevice: "test: one disk in the test machine"
            waivers: {drill.frequency: "daemon test, no drills"}
        """.formatted(tmp.resolve("repo"), password, data));
    return config;
  }

  private Process daemon(Path config, String name) throws IOException {
    return Kho.process(Map.of(), List.of(), "daemon", "--config", config.toString(), "--node", name)
        .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
  }

  private static JsonNode status(Path config, int code) throws Exception {
    Kho.Run status = Kho.run(Map.of(), "status", "--config", config.toString(), "--json");
    assertThat(status.code()).as(status.out() + status.err()).isEqualTo(code);
    return JSON.readTree(status.out());
  }

  private static int snapshots(Path repo) throws IOException {
    Path dir = repo.resolve("snapshots");
    try (var files = Files.list(dir)) {
      return (int) files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
    }
  }

  interface Condition {
    boolean met() throws Exception;
  }

  static void waitFor(Condition condition, Process daemon) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.met()) {
      assertThat(daemon.isAlive()).as("the daemon is running").isTrue();
      assertThat(System.nanoTime()).as("condition met within %s", PATIENCE).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /** The audit log's details of backup runs. */
  private static List<String> backupDetails(Path config) throws Exception {
    Kho.Run audit = Kho.run(Map.of(), "audit", "log", "--config", config.toString(), "--json", "--last", "200");
    return StreamSupport.stream(JSON.readTree(audit.out()).spliterator(), false)
        .filter(e -> e.get("action").asText().equals("backup")).map(e -> e.get("detail").asText()).toList();
  }

  private static List<String> catchUps(List<String> details) {
    return details.stream().filter(d -> d.contains("(catch-up, due ")).toList();
  }
}
