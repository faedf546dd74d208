package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kho.cli.CliTest.kho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.cli.CliTest.Run;
import org.kho.testing.TestCatalogue;

/** {@code kho forget} from the catalogue and by hand, with signed removals, in process. */
class RetentionCommandsTest {
  @TempDir
  Path tmp;
  Path repo;
  Path pw;
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    repo = tmp.resolve("repo");
    pw = Files.writeString(tmp.resolve("pw"), "password\n");
    data = Files.createDirectories(tmp.resolve("srv/documents"));
    Files.writeString(data.resolve("a.txt"), "alpha");
    assertThat(kho("repo", "init", "--repo", repo.toString(), "--password-file", pw.toString()).code()).isZero();
    assertThat(kho("key", "signing-init", "--out", tmp.resolve("signing").toString()).code()).isZero();
  }

  private Run backup() {
    return kho("backup", "--repo", repo.toString(), "--password-file", pw.toString(), "--allow-same-device", "test",
        "--signing-key", tmp.resolve("signing/signing.key").toString(), data.toString());
  }

  @Test
  void catalogueForgetNeverGoesBelowThePolicyMinimum() throws IOException {
    Path cfg = tmp.resolve("cfg");
    assertThat(kho("init", cfg.toString()).code()).isZero();
    TestCatalogue.oneDisk(repo, pw, data).retention("{last: 1}").writeTo(cfg);
    assertThat(kho("backup", "--config", cfg.toString()).code()).isZero();
    Files.writeString(data.resolve("a.txt"), "changed");
    assertThat(kho("backup", "--config", cfg.toString()).code()).isZero();

    Run forget = kho("forget", "--config", cfg.toString(), "--yes", "--json");
    assertThat(forget.code()).as(forget.err()).isZero();
    JsonNode run = new ObjectMapper().readTree(forget.out()).get(0);
    assertThat(run.get("item").asText()).isEqualTo("documents");
    assertThat(run.get("forgotten").asInt()).isZero();
    for (JsonNode d : run.get("decisions")) {
      assertThat(d.get("reasons").toString()).contains("minimum 3mo (policy vn-2020.1, level 2)");
    }
  }

  @Test
  void aSignedForgetAccountsForTheMissingSnapshot() {
    assertThat(backup().code()).isZero();
    assertThat(backup().code()).isZero();
    Run dry = kho("forget", "--repo", repo.toString(), "--password-file", pw.toString(), "--keep-last", "1");
    assertThat(dry.out()).contains("1 to forget; nothing changed (dry run)");
    Run forget = kho("forget", "--repo", repo.toString(), "--password-file", pw.toString(), "--keep-last", "1", "--yes",
        "--signing-key", tmp.resolve("signing/signing.key").toString());
    assertThat(forget.code()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgot 1 snapshot");
    Run verify = kho("evidence", "verify", "--repo", repo.toString(), "--public-key",
        tmp.resolve("signing/signing.pub").toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void forgetWithoutRulesIsRefused() {
    Run run = kho("forget", "--repo", repo.toString(), "--password-file", pw.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no rule says what to keep");
  }
}
