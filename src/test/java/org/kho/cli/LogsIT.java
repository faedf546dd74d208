package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.crypto.SigningKey;
import org.kho.logarchive.FourMonths;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.storage.local.LocalStorage;
import org.kho.testing.TestCatalogue;

/**
 * Monthly log archives through the real CLI, on the real clock: four months of logs (the current
 * one open) are archived, listed, restored byte for byte, verified by the chain and the agency's
 * public key; originals go only with --apply; a removed manifest fails verify naming its month.
 */
class LogsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  private Path cfg;
  private Path repo;
  private FourMonths logs;
  private YearMonth open;

  @BeforeEach
  void setUp() throws Exception {
    open = YearMonth.now(Clock.system(FourMonths.ZONE));
    logs = FourMonths.write(tmp.resolve("host"), open);
    repo = tmp.resolve("repo");
    Path password = Files.writeString(tmp.resolve("repo.pass"), "log test password\n");
    Repository.init(LocalStorage.create(repo), Credential.passphrase("log test password"),
        new Repository.Options(Clock.systemUTC(), new Host(), Kho.CHEAP_KDF)).close();
    cfg = tmp.resolve("cfg");
    assertThat(kho("init", cfg.toString()).code()).isZero();
    Files.createDirectories(tmp.resolve("signing"));
    SigningKey.generate().write(tmp.resolve("signing/signing.key"), tmp.resolve("signing/signing.pub"));
    TestCatalogue.oneDisk(repo, password, tmp.resolve("srv")).signedWith(tmp.resolve("signing/signing.key")).then("""
        logs:
          - id: app-logs
            name: Application logs
            securityLevel: 1
            paths: ["%s/app.log*"]
            month: {from: lines, regex: "%s", format: "%s"}
            targets: [disk]
            deleteOriginals: true
            allowSameDevice: "test: one disk in the test machine"
        """.formatted(logs.dir, FourMonths.REGEX.replace("\\", "\\\\"), FourMonths.FORMAT)).writeTo(cfg);
  }

  @Test
  void archivesListsRestoresAndVerifiesTheClosedMonths() throws Exception {
    Kho.Run archived = kho("logs", "archive", "--config", cfg.toString());
    assertThat(archived.code()).as(archived.err() + archived.out()).isZero();
    List<YearMonth> closed = List.of(open.minusMonths(3), open.minusMonths(2), open.minusMonths(1));
    closed.forEach(m -> assertThat(archived.out()).contains(m + "  archived: "));
    assertThat(archived.out()).doesNotContain(open.toString()).contains("run again with --apply");

    JsonNode list = JSON.readTree(kho("logs", "list", "--config", cfg.toString(), "--json").out());
    assertThat(list.get("sources").get(0).get("months")).hasSize(3);
    assertThat(list.get("gaps")).isEmpty();

    for (YearMonth m : closed) {
      Path into = tmp.resolve("restored-" + m);
      Kho.Run restored = kho("logs", "restore", "app-logs", m.toString(), "--target", into.toString(), "--config", cfg.toString());
      assertThat(restored.code()).as(restored.err()).isZero();
      for (Map.Entry<Path, byte[]> e : logs.expected.get(m).entrySet()) {
        assertThat(into.resolve(Path.of("/").relativize(e.getKey()))).hasBinaryContent(e.getValue());
      }
    }
    assertThat(kho("logs", "verify", "--config", cfg.toString()).out()).contains("OK app-logs -> disk: 3 months intact");
    assertThat(kho("evidence", "verify", "--repo", repo.toString(), "--public-key",
        tmp.resolve("signing/signing.pub").toString()).code()).isZero();
    assertThat(kho("logs", "archive", "--config", cfg.toString()).out()).contains("up to date");
  }

  @Test
  void originalsGoOnlyWithApplyAndAnOpenMonthOnlyWithForce() throws Exception {
    Kho.Run refused = kho("logs", "archive", "--config", cfg.toString(), "--month", open.toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains(open + " is still open", "--force");
    assertThat(kho("logs", "archive", "--config", cfg.toString()).code()).isZero();
    assertThat(logs.dir.resolve("app.log.3")).exists();

    Kho.Run applied = kho("logs", "archive", "--config", cfg.toString(), "--apply");

    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("originals deleted:");
    assertThat(logs.dir.resolve("app.log.4.gz")).doesNotExist();
    assertThat(logs.dir.resolve("app.log.3")).doesNotExist();
    assertThat(logs.dir.resolve("app.log.2")).doesNotExist();
    assertThat(logs.dir.resolve("app.log.1.gz")).exists();
    assertThat(logs.dir.resolve("app.log")).exists();
  }

  @Test
  void aRemovedManifestFailsVerifyNamingItsMonth() throws Exception {
    assertThat(kho("logs", "archive", "--config", cfg.toString()).code()).isZero();
    YearMonth middle = open.minusMonths(2);
    Files.delete(manifest(middle));

    Kho.Run verify = kho("logs", "verify", "--config", cfg.toString());

    assertThat(verify.code()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(verify.out()).contains("NOT OK app-logs -> disk", middle + "  manifest missing");
  }

  private Path manifest(YearMonth month) throws IOException {
    try (Stream<Path> files = Files.walk(repo.resolve("evidence"))) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String statement = JSON.readTree(p.toFile()).get("statement").asText();
        if (statement.contains("kho.logs.month.v1") && statement.contains("\"month\":\"" + month + "\"")) {
          return p;
        }
      }
    }
    throw new AssertionError("no manifest of " + month);
  }

  private static Kho.Run kho(String... args) throws Exception {
    return Kho.run(Map.of(), args);
  }
}
